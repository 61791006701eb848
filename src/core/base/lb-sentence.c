/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lb-sentence.c: joining translated sentences as their language writes them. A translation
 * decides the punctuation; the join only follows it, so no code asks which language is on. */

#define G_LOG_DOMAIN "lb-sentence"

#include "config.h"

#include "lb-sentence.h"

/* Full-width closing punctuation: the next sentence follows without a space. */
static gboolean
ends_without_space (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF09: /* ） */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0xFF0E: /* ． */
      return TRUE;
    default:
      return g_unichar_isspace (c);
    }
}

void
lb_sentence_append (GString    *text,
                    const char *sentence)
{
  g_return_if_fail (text != NULL);

  if (sentence == NULL)
    return;
  while (*sentence == ' ')
    sentence++;
  if (*sentence == '\0')
    return;
  if (text->len > 0)
    {
      const char *last = g_utf8_find_prev_char (text->str, text->str + text->len);

      if (last == NULL || !ends_without_space (g_utf8_get_char (last)))
        g_string_append_c (text, ' ');
    }
  g_string_append (text, sentence);
}

void
lb_sentence_append_printf (GString    *text,
                           const char *format,
                           ...)
{
  g_autofree char *sentence = NULL;
  va_list ap;

  g_return_if_fail (text != NULL);
  g_return_if_fail (format != NULL);

  va_start (ap, format);
  sentence = g_strdup_vprintf (format, ap);
  va_end (ap);
  lb_sentence_append (text, sentence);
}
