/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-store-vfs.c: SQLite's unix VFS with locks that no other descriptor of the file can drop */

/* F_OFD_SETLK and F_OFD_GETLK */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#define G_LOG_DOMAIN "lb-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lb-store-vfs.h"

/* Why this exists: the unix VFS locks with POSIX advisory locks, and POSIX drops all of a
 * process's locks on a file when the process closes ANY descriptor of that file. GLib does
 * exactly that whenever it sniffs the content type of leaderboard.db, -wal or -shm (the file
 * chooser showing their folder is enough). The next `leaderboard-cli` then believed it was the
 * only user, checkpointed and deleted the -wal and -shm under the app, and the app's next write
 * failed or corrupted the file (sqlite.org, "How To Corrupt An SQLite Database", 2.2).
 *
 * This VFS leaves all I/O to "unix" and takes its locks itself with Linux open file
 * description (OFD) locks, on a descriptor of its own: those belong to that descriptor, not to
 * the process, so no other close() drops them, and they go when the process dies. They lock
 * the same bytes as the unix VFS (os_unix.c) and OFD and POSIX locks conflict, so the app, the
 * CLI and the plain sqlite3 tool exclude each other as before. Two connections in one process
 * now exclude each other through the kernel too, which the unix VFS did with its own tables. */

#define LB_VFS_NAME "lb-ofd"

/* The lock bytes of the database file: SQLite's defaults (os_unix.c, sqliteInt.h). */
#define PENDING_BYTE  0x40000000
#define RESERVED_BYTE (PENDING_BYTE + 1)
#define SHARED_FIRST  (PENDING_BYTE + 2)
#define SHARED_SIZE   510

/* The lock bytes of the -shm file: the unix VFS's UNIX_SHM_BASE and UNIX_SHM_DMS. */
#define SHM_BASE ((22 + SQLITE_SHM_NLOCK) * 4)
#define SHM_DMS  (SHM_BASE + SQLITE_SHM_NLOCK)

/* The -shm file of one connection: its own descriptor (so its own OFD locks) and mapping. */
typedef struct
{
  char     *path;
  int       fd;
  gboolean  readonly;
  gboolean  unlocked;    /* read-only and nobody else had it open: no DMS lock yet */
  int       region_size;
  int       n_regions;
  void    **regions;
} LbShm;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;     /* the unix VFS's file, in the same allocation right after this */
  const char   *path;     /* SQLite keeps the name valid until xClose */
  int           lock_fd;  /* the database file opened again for the OFD locks; -1 for others */
  int           level;    /* the SQLITE_LOCK_* held */
  LbShm        *shm;
} LbFile;

static int
ofd_lock (int   fd,
          short type,
          off_t start,
          off_t len)
{
  struct flock lock = { 0 };
  int rc;

  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = start;
  lock.l_len = len;
  do
    rc = fcntl (fd, F_OFD_SETLK, &lock);
  while (rc != 0 && errno == EINTR);
  return rc == 0 ? 0 : errno;
}

/* Whether another descriptor holds a lock on the bytes that conflicts with @type; -1 on error. */
static int
ofd_held_elsewhere (int   fd,
                    short type,
                    off_t start,
                    off_t len,
                    short *held_type)
{
  struct flock lock = { 0 };

  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = start;
  lock.l_len = len;
  if (fcntl (fd, F_OFD_GETLK, &lock) != 0)
    return -1;
  if (held_type != NULL)
    *held_type = lock.l_type;
  return lock.l_type != F_UNLCK;
}

/* As the unix VFS maps errno: someone else holds it → busy, anything else is an I/O error. */
static int
lock_error (int err,
            int ioerr)
{
  switch (err)
    {
    case EACCES:
    case EAGAIN:
    case EBUSY:
    case EINTR:
    case ENOLCK:
    case ETIMEDOUT:
      return SQLITE_BUSY;
    case EPERM:
      return SQLITE_PERM;
    default:
      return ioerr;
    }
}

/* ---- the WAL index (-shm) ---- */

static void
shm_free (LbShm *shm)
{
  for (int i = 0; i < shm->n_regions; i++)
    if (shm->regions[i] != NULL)
      munmap (shm->regions[i], shm->region_size);
  g_free (shm->regions);
  if (shm->fd >= 0)
    close (shm->fd);
  g_free (shm->path);
  g_free (shm);
}

/* The dead-man-switch protocol of the unix VFS (unixLockSharedMemory): the first to open the
 * -shm (nobody holds the DMS byte) truncates it, since what it holds may be stale; everyone
 * then holds a read lock on the byte while the file is in use. */
static int
shm_lock_dms (LbShm *shm)
{
  short held = F_UNLCK;
  int err;

  if (ofd_held_elsewhere (shm->fd, F_WRLCK, SHM_DMS, 1, &held) < 0)
    return SQLITE_IOERR_LOCK;
  if (held == F_WRLCK)
    return SQLITE_BUSY;
  if (held == F_UNLCK)
    {
      if (shm->readonly)
        {
          shm->unlocked = TRUE;
          return SQLITE_READONLY_CANTINIT;
        }
      err = ofd_lock (shm->fd, F_WRLCK, SHM_DMS, 1);
      if (err != 0)
        return lock_error (err, SQLITE_IOERR_LOCK);
      /* 3 bytes, not 0, as the unix VFS does: shorter than a header, and a sign of who did it. */
      if (ftruncate (shm->fd, 3) != 0)
        return errno == ENOSPC || errno == EDQUOT || errno == EFBIG
               ? SQLITE_FULL : SQLITE_IOERR_SHMOPEN;
    }
  err = ofd_lock (shm->fd, F_RDLCK, SHM_DMS, 1);
  if (err != 0)
    return lock_error (err, SQLITE_IOERR_LOCK);
  shm->unlocked = FALSE;
  return SQLITE_OK;
}

static int
shm_attach (LbFile *self)
{
  LbShm *shm = g_new0 (LbShm, 1);
  struct stat st;
  int rc;

  if (fstat (self->lock_fd, &st) != 0)
    {
      g_free (shm);
      return SQLITE_IOERR_FSTAT;
    }
  shm->path = g_strconcat (self->path, "-shm", NULL);
  /* The same permissions as the database, as the unix VFS gives it. */
  shm->fd = open (shm->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, st.st_mode & 0777);
  if (shm->fd < 0)
    {
      shm->fd = open (shm->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      shm->readonly = TRUE;
    }
  if (shm->fd < 0)
    {
      shm_free (shm);
      return SQLITE_CANTOPEN;
    }
  /* Run as root, leave the file to the database's owner, or its owner could not open it. */
  if (geteuid () == 0 && fchown (shm->fd, st.st_uid, st.st_gid) != 0)
    g_debug ("Cannot give %s to uid %u: %s", shm->path, (guint) st.st_uid, g_strerror (errno));

  rc = shm_lock_dms (shm);
  if (rc != SQLITE_OK && rc != SQLITE_READONLY_CANTINIT)
    {
      shm_free (shm);
      return rc;
    }
  self->shm = shm;
  return rc;
}

static int
lb_file_shm_map (sqlite3_file  *file,
                 int            region,
                 int            region_size,
                 int            extend,
                 void volatile **out)
{
  LbFile *self = (LbFile *) file;
  LbShm *shm;
  int rc = SQLITE_OK;

  if (self->lock_fd < 0)
    return self->real->pMethods->xShmMap (self->real, region, region_size, extend, out);

  *out = NULL;
  if (self->shm == NULL)
    {
      rc = shm_attach (self);
      if (rc != SQLITE_OK)
        return rc;
    }
  shm = self->shm;
  if (shm->unlocked)
    {
      rc = shm_lock_dms (shm);
      if (rc != SQLITE_OK)
        return rc;
    }
  g_assert (shm->n_regions == 0 || shm->region_size == region_size);
  shm->region_size = region_size;

  if (shm->n_regions <= region)
    {
      gint64 needed = (gint64) (region + 1) * region_size;
      struct stat st;

      if (fstat (shm->fd, &st) != 0)
        return SQLITE_IOERR_SHMSIZE;
      if (st.st_size < needed)
        {
          if (!extend)
            return shm->readonly ? SQLITE_READONLY : SQLITE_OK;
          /* Grows the file by writing the last byte of each new page, as the unix VFS does,
           * so that a full disk shows here and not as SIGBUS on the mapping. */
          for (gint64 page = st.st_size / 4096; page < needed / 4096; page++)
            if (pwrite (shm->fd, "", 1, page * 4096 + 4095) != 1)
              /* Said as a full disk, not as an I/O error: even a reader needs the -shm. */
              return errno == ENOSPC || errno == EDQUOT || errno == EFBIG
                     ? SQLITE_FULL : SQLITE_IOERR_SHMSIZE;
        }
      shm->regions = g_renew (void *, shm->regions, region + 1);
      while (shm->n_regions <= region)
        {
          void *mem = mmap (NULL, region_size, shm->readonly ? PROT_READ : PROT_READ | PROT_WRITE,
                            MAP_SHARED, shm->fd, (off_t) shm->n_regions * region_size);

          if (mem == MAP_FAILED)
            return SQLITE_IOERR_SHMMAP;
          shm->regions[shm->n_regions++] = mem;
        }
    }
  *out = shm->regions[region];
  return shm->readonly ? SQLITE_READONLY : rc;
}

static int
lb_file_shm_lock (sqlite3_file *file,
                  int           offset,
                  int           n,
                  int           flags)
{
  LbFile *self = (LbFile *) file;
  short type;
  int err;

  if (self->lock_fd < 0)
    return self->real->pMethods->xShmLock (self->real, offset, n, flags);
  /* Also when the -shm is read-only and not set up (SQLITE_READONLY_CANTINIT): SQLite then
   * reads the WAL itself but still takes its read locks, as on the unix VFS. */
  if (self->shm == NULL)
    return SQLITE_IOERR_SHMLOCK;
  g_assert (offset >= 0 && n >= 1 && offset + n <= SQLITE_SHM_NLOCK);

  if (flags & SQLITE_SHM_UNLOCK)
    type = F_UNLCK;
  else if (flags & SQLITE_SHM_SHARED)
    type = F_RDLCK;
  else
    type = F_WRLCK;
  err = ofd_lock (self->shm->fd, type, SHM_BASE + offset, n);
  if (err == 0)
    return SQLITE_OK;
  /* The unix VFS reports any failure to take a -shm lock as busy, and SQLite retries. */
  return type == F_UNLCK ? SQLITE_IOERR_SHMLOCK : SQLITE_BUSY;
}

static void
lb_file_shm_barrier (sqlite3_file *file)
{
  LbFile *self = (LbFile *) file;

  if (self->lock_fd < 0)
    {
      self->real->pMethods->xShmBarrier (self->real);
      return;
    }
  __atomic_thread_fence (__ATOMIC_SEQ_CST);
}

static int
lb_file_shm_unmap (sqlite3_file *file,
                   int           delete)
{
  LbFile *self = (LbFile *) file;

  if (self->lock_fd < 0)
    return self->real->pMethods->xShmUnmap (self->real, delete);
  if (self->shm == NULL)
    return SQLITE_OK;
  /* SQLite asks to delete only after it got the database's EXCLUSIVE lock, which no other
   * connection, in this process or another, can hold alongside its SHARED lock. */
  if (delete && !self->shm->readonly)
    unlink (self->shm->path);
  g_clear_pointer (&self->shm, shm_free);
  return SQLITE_OK;
}

/* ---- the database file's locks ---- */

static int
lb_file_lock (sqlite3_file *file,
              int           level)
{
  LbFile *self = (LbFile *) file;
  int err;

  if (self->lock_fd < 0)
    return self->real->pMethods->xLock (self->real, level);
  if (self->level >= level)
    return SQLITE_OK;
  /* What the pager asks for (os_unix.c asserts the same). */
  g_assert (level != SQLITE_LOCK_PENDING);
  g_assert (self->level != SQLITE_LOCK_NONE || level == SQLITE_LOCK_SHARED);
  g_assert (level != SQLITE_LOCK_RESERVED || self->level == SQLITE_LOCK_SHARED);

  /* The pending byte keeps new readers out while a writer waits for the old ones to go. */
  if (level == SQLITE_LOCK_SHARED ||
      (level == SQLITE_LOCK_EXCLUSIVE && self->level < SQLITE_LOCK_PENDING))
    {
      err = ofd_lock (self->lock_fd, level == SQLITE_LOCK_SHARED ? F_RDLCK : F_WRLCK,
                      PENDING_BYTE, 1);
      if (err != 0)
        return lock_error (err, SQLITE_IOERR_LOCK);
    }

  if (level == SQLITE_LOCK_SHARED)
    {
      int unlock_err;

      err = ofd_lock (self->lock_fd, F_RDLCK, SHARED_FIRST, SHARED_SIZE);
      unlock_err = ofd_lock (self->lock_fd, F_UNLCK, PENDING_BYTE, 1);
      if (err != 0)
        return lock_error (err, SQLITE_IOERR_LOCK);
      if (unlock_err != 0)
        {
          ofd_lock (self->lock_fd, F_UNLCK, SHARED_FIRST, SHARED_SIZE);
          return SQLITE_IOERR_UNLOCK;
        }
      self->level = SQLITE_LOCK_SHARED;
      return SQLITE_OK;
    }

  if (level == SQLITE_LOCK_RESERVED)
    {
      err = ofd_lock (self->lock_fd, F_WRLCK, RESERVED_BYTE, 1);
      if (err != 0)
        return lock_error (err, SQLITE_IOERR_LOCK);
      self->level = SQLITE_LOCK_RESERVED;
      return SQLITE_OK;
    }

  /* EXCLUSIVE: holding the pending byte now; the shared range frees up as readers finish. */
  self->level = SQLITE_LOCK_PENDING;
  err = ofd_lock (self->lock_fd, F_WRLCK, SHARED_FIRST, SHARED_SIZE);
  if (err != 0)
    return lock_error (err, SQLITE_IOERR_LOCK);
  self->level = SQLITE_LOCK_EXCLUSIVE;
  return SQLITE_OK;
}

static int
lb_file_unlock (sqlite3_file *file,
                int           level)
{
  LbFile *self = (LbFile *) file;

  if (self->lock_fd < 0)
    return self->real->pMethods->xUnlock (self->real, level);
  if (self->level <= level)
    return SQLITE_OK;

  if (self->level > SQLITE_LOCK_SHARED)
    {
      /* A downgrade of our own lock, which cannot conflict. */
      if (level == SQLITE_LOCK_SHARED &&
          ofd_lock (self->lock_fd, F_RDLCK, SHARED_FIRST, SHARED_SIZE) != 0)
        return SQLITE_IOERR_RDLOCK;
      if (ofd_lock (self->lock_fd, F_UNLCK, PENDING_BYTE, 2) != 0)
        return SQLITE_IOERR_UNLOCK;
      self->level = SQLITE_LOCK_SHARED;
    }
  if (level == SQLITE_LOCK_NONE)
    {
      if (ofd_lock (self->lock_fd, F_UNLCK, 0, 0) != 0)
        return SQLITE_IOERR_UNLOCK;
      self->level = SQLITE_LOCK_NONE;
    }
  return SQLITE_OK;
}

static int
lb_file_check_reserved_lock (sqlite3_file *file,
                             int          *reserved)
{
  LbFile *self = (LbFile *) file;
  int held;

  if (self->lock_fd < 0)
    return self->real->pMethods->xCheckReservedLock (self->real, reserved);
  if (self->level >= SQLITE_LOCK_RESERVED)
    {
      *reserved = 1;
      return SQLITE_OK;
    }
  held = ofd_held_elsewhere (self->lock_fd, F_WRLCK, RESERVED_BYTE, 1, NULL);
  if (held < 0)
    return SQLITE_IOERR_CHECKRESERVEDLOCK;
  *reserved = held;
  return SQLITE_OK;
}

/* ---- everything else goes to the unix VFS ---- */

static int
lb_file_close (sqlite3_file *file)
{
  LbFile *self = (LbFile *) file;

  g_clear_pointer (&self->shm, shm_free);
  /* Closing our descriptor releases our locks; no other descriptor holds any. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  self->lock_fd = -1;
  return self->real->pMethods->xClose (self->real);
}

static int
lb_file_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  LbFile *self = (LbFile *) file;

  return self->real->pMethods->xRead (self->real, buf, amount, offset);
}

static int
lb_file_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  LbFile *self = (LbFile *) file;

  return self->real->pMethods->xWrite (self->real, buf, amount, offset);
}

static int
lb_file_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  LbFile *self = (LbFile *) file;

  return self->real->pMethods->xTruncate (self->real, size);
}

static int
lb_file_sync (sqlite3_file *file, int flags)
{
  LbFile *self = (LbFile *) file;

  return self->real->pMethods->xSync (self->real, flags);
}

static int
lb_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  LbFile *self = (LbFile *) file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
lb_file_control (sqlite3_file *file, int op, void *arg)
{
  LbFile *self = (LbFile *) file;

  if (self->lock_fd >= 0)
    {
      switch (op)
        {
        case SQLITE_FCNTL_LOCKSTATE:
          *(int *) arg = self->level;
          return SQLITE_OK;
        case SQLITE_FCNTL_VFSNAME:
          *(char **) arg = sqlite3_mprintf ("%s", LB_VFS_NAME);
          return SQLITE_OK;
        case SQLITE_FCNTL_EXTERNAL_READER:
          {
            /* Whether another connection reads the WAL: a lock on a read mark other than 0. */
            int held = 0;

            if (self->shm != NULL && !self->shm->unlocked)
              held = ofd_held_elsewhere (self->shm->fd, F_WRLCK, SHM_BASE + 3,
                                         SQLITE_SHM_NLOCK - 3, NULL);
            if (held < 0)
              return SQLITE_IOERR_LOCK;
            *(int *) arg = held;
            return SQLITE_OK;
          }
        default:
          break;
        }
    }
  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
lb_file_sector_size (sqlite3_file *file)
{
  LbFile *self = (LbFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
lb_file_device_characteristics (sqlite3_file *file)
{
  LbFile *self = (LbFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
lb_file_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  LbFile *self = (LbFile *) file;

  if (self->real->pMethods->iVersion < 3 || self->real->pMethods->xFetch == NULL)
    {
      *out = NULL;
      return SQLITE_OK;
    }
  return self->real->pMethods->xFetch (self->real, offset, amount, out);
}

static int
lb_file_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *mem)
{
  LbFile *self = (LbFile *) file;

  if (self->real->pMethods->iVersion < 3 || self->real->pMethods->xUnfetch == NULL)
    return SQLITE_OK;
  return self->real->pMethods->xUnfetch (self->real, offset, mem);
}

static const sqlite3_io_methods lb_file_methods = {
  .iVersion = 3,
  .xClose = lb_file_close,
  .xRead = lb_file_read,
  .xWrite = lb_file_write,
  .xTruncate = lb_file_truncate,
  .xSync = lb_file_sync,
  .xFileSize = lb_file_size,
  .xLock = lb_file_lock,
  .xUnlock = lb_file_unlock,
  .xCheckReservedLock = lb_file_check_reserved_lock,
  .xFileControl = lb_file_control,
  .xSectorSize = lb_file_sector_size,
  .xDeviceCharacteristics = lb_file_device_characteristics,
  .xShmMap = lb_file_shm_map,
  .xShmLock = lb_file_shm_lock,
  .xShmBarrier = lb_file_shm_barrier,
  .xShmUnmap = lb_file_shm_unmap,
  .xFetch = lb_file_fetch,
  .xUnfetch = lb_file_unfetch,
};

/* ---- the VFS ---- */

#define BASE_VFS(vfs) ((sqlite3_vfs *) (vfs)->pAppData)

static int
lb_vfs_open (sqlite3_vfs      *vfs,
             sqlite3_filename  name,
             sqlite3_file     *file,
             int               flags,
             int              *out_flags)
{
  LbFile *self = (LbFile *) file;
  sqlite3_vfs *base = BASE_VFS (vfs);
  int real_flags = 0;
  int rc;

  memset (self, 0, sizeof *self);
  self->real = (sqlite3_file *) (self + 1);
  self->lock_fd = -1;
  rc = base->xOpen (base, name, self->real, flags, &real_flags);
  if (out_flags != NULL)
    *out_flags = real_flags;
  if (rc != SQLITE_OK)
    return rc;

  if ((flags & SQLITE_OPEN_MAIN_DB) && name != NULL)
    {
      int mode = (real_flags & SQLITE_OPEN_READONLY) ? O_RDONLY : O_RDWR;

      self->lock_fd = open (name, mode | O_CLOEXEC);
      if (self->lock_fd < 0)
        {
          self->real->pMethods->xClose (self->real);
          return SQLITE_CANTOPEN;
        }
      self->path = name;
    }
  self->base.pMethods = &lb_file_methods;
  return SQLITE_OK;
}

static int
lb_vfs_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return BASE_VFS (vfs)->xDelete (BASE_VFS (vfs), name, sync_dir);
}

static int
lb_vfs_access (sqlite3_vfs *vfs, const char *name, int flags, int *result)
{
  return BASE_VFS (vfs)->xAccess (BASE_VFS (vfs), name, flags, result);
}

static int
lb_vfs_full_pathname (sqlite3_vfs *vfs, const char *name, int n_out, char *out)
{
  return BASE_VFS (vfs)->xFullPathname (BASE_VFS (vfs), name, n_out, out);
}

static void *
lb_vfs_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return BASE_VFS (vfs)->xDlOpen (BASE_VFS (vfs), name);
}

static void
lb_vfs_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  BASE_VFS (vfs)->xDlError (BASE_VFS (vfs), n, out);
}

static void (*lb_vfs_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return BASE_VFS (vfs)->xDlSym (BASE_VFS (vfs), handle, symbol);
}

static void
lb_vfs_dl_close (sqlite3_vfs *vfs, void *handle)
{
  BASE_VFS (vfs)->xDlClose (BASE_VFS (vfs), handle);
}

static int
lb_vfs_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return BASE_VFS (vfs)->xRandomness (BASE_VFS (vfs), n, out);
}

static int
lb_vfs_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return BASE_VFS (vfs)->xSleep (BASE_VFS (vfs), microseconds);
}

static int
lb_vfs_current_time (sqlite3_vfs *vfs, double *out)
{
  return BASE_VFS (vfs)->xCurrentTime (BASE_VFS (vfs), out);
}

static int
lb_vfs_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return BASE_VFS (vfs)->xGetLastError (BASE_VFS (vfs), n, out);
}

static int
lb_vfs_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return BASE_VFS (vfs)->xCurrentTimeInt64 (BASE_VFS (vfs), out);
}

static int
lb_vfs_set_system_call (sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call)
{
  return BASE_VFS (vfs)->xSetSystemCall (BASE_VFS (vfs), name, call);
}

static sqlite3_syscall_ptr
lb_vfs_get_system_call (sqlite3_vfs *vfs, const char *name)
{
  return BASE_VFS (vfs)->xGetSystemCall (BASE_VFS (vfs), name);
}

static const char *
lb_vfs_next_system_call (sqlite3_vfs *vfs, const char *name)
{
  return BASE_VFS (vfs)->xNextSystemCall (BASE_VFS (vfs), name);
}

static sqlite3_vfs lb_vfs = {
  .iVersion = 3,
  .zName = LB_VFS_NAME,
  .xOpen = lb_vfs_open,
  .xDelete = lb_vfs_delete,
  .xAccess = lb_vfs_access,
  .xFullPathname = lb_vfs_full_pathname,
  .xDlOpen = lb_vfs_dl_open,
  .xDlError = lb_vfs_dl_error,
  .xDlSym = lb_vfs_dl_sym,
  .xDlClose = lb_vfs_dl_close,
  .xRandomness = lb_vfs_randomness,
  .xSleep = lb_vfs_sleep,
  .xCurrentTime = lb_vfs_current_time,
  .xGetLastError = lb_vfs_get_last_error,
  .xCurrentTimeInt64 = lb_vfs_current_time_int64,
  .xSetSystemCall = lb_vfs_set_system_call,
  .xGetSystemCall = lb_vfs_get_system_call,
  .xNextSystemCall = lb_vfs_next_system_call,
};

const char *
lb_store_vfs_register (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      sqlite3_vfs *base = sqlite3_vfs_find ("unix");
      int rc;

      if (base == NULL || base->iVersion < 3)
        g_error ("SQLite has no unix VFS of version 3; Leaderboard cannot lock its database");
      lb_vfs.szOsFile = (int) sizeof (LbFile) + base->szOsFile;
      lb_vfs.mxPathname = base->mxPathname;
      lb_vfs.pAppData = base;
      /* The default, so that any connection this process opens locks the same way. */
      rc = sqlite3_vfs_register (&lb_vfs, 1);
      if (rc != SQLITE_OK)
        g_error ("Cannot register the SQLite VFS %s: %s", LB_VFS_NAME, sqlite3_errstr (rc));
      g_once_init_leave (&registered, 1);
    }
  return LB_VFS_NAME;
}
