/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-start.c: how long a program takes from its start to its first mapped window.
 *
 * Not a test: build-aux/bench/bench-start.sh runs it under Xvfb, once for Leaderboard and once
 * for a bare libadwaita window (bench-bare-window.c), taking turns, and prints the ratio.
 * It watches the X server's root window (no window manager under Xvfb, so a toplevel is its
 * child), starts the command, and stops the clock at the first MapNotify of a new toplevel. */

#include <X11/Xlib.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  pid_t pid;
  double start, mapped = -1;
  int status;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s COMMAND [ARG…]\n", argv[0]);
      return 2;
    }
  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "bench-start: no X display (run it under xvfb-run)\n");
      return 1;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      execvp (argv[1], argv + 1);
      perror (argv[1]);
      _exit (127);
    }

  while (mapped < 0 && now_ms () - start < 60000)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect)
            mapped = now_ms ();
        }
      if (mapped >= 0 || waitpid (pid, &status, WNOHANG) == pid)
        break;
      poll (&fd, 1, 10);
    }

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  XCloseDisplay (display);
  if (mapped < 0)
    {
      fprintf (stderr, "bench-start: %s mapped no window\n", argv[1]);
      return 1;
    }
  printf ("%.1f\n", mapped - start);
  return 0;
}
