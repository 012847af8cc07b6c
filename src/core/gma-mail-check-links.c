/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gma-mail-check-links.c: the links of a mail, found and judged.
 *
 * A URL is read the way a browser reads it where a mail could play on
 * the difference: tabs and line breaks inside it are dropped, a
 * backslash ends the host as a slash does, the host is what follows the
 * last '@' of the authority (what stands before it is a user name the
 * browser drops: https://www.mhlw.go.jp@evil.example/ leads to
 * evil.example), percent escapes in the host are decoded and the host is
 * mapped as IDNA does (full-width letters, upper case). */

#define G_LOG_DOMAIN "gma-mail"

#include "config.h"

#include <string.h>

#include "gma-html.h"
#include "gma-mail-check-private.h"

void
gma_mail_link_free (gpointer data)
{
  GmaMailLink *link = data;

  g_free (link->url);
  g_free (link->text);
  g_free (link->scheme);
  g_free (link->host);
  g_free (link->domain);
  g_free (link->address);
  g_free (link->shown);
  g_free (link);
}

/* @s (@len bytes) with its %XX escapes decoded, as valid UTF-8 */
static char *
percent_decode (const char *s,
                gsize       len)
{
  g_autoptr(GString) out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '%' && i + 2 < len && g_ascii_isxdigit (s[i + 1]) && g_ascii_isxdigit (s[i + 2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (s[i + 1]) * 16 +
                                          g_ascii_xdigit_value (s[i + 2])));
          i += 2;
        }
      else
        g_string_append_c (out, s[i]);
    }

  return g_utf8_make_valid (out->str, out->len);
}

/* A name as the lookalike check compares it: lower case, without
 * separators, with the letters a forger swaps for each other made one
 * ("mhIw", "g-rnis", "rnhlw" all read as the real ones). */
static char *
skeleton (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '-' || c == '.' || c == '_')
        continue;
      if (c == '0')
        c = 'o';
      else if (c == '1' || c == 'i' || c == '|' || c == '!')
        c = 'l';
      else if (c == 'r' && p[1] == 'n')
        {
          c = 'm';
          p++;
        }
      else if (c == 'v' && p[1] == 'v')
        {
          c = 'w';
          p++;
        }
      g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The registrable domain of @host and its labels before the public
 * suffix (but "www"), as skeletons, into @scan. */
static void
add_genuine_host (GmaMailLinkScan *scan,
                  const char      *host)
{
  g_autofree char *domain = scan->backend->registrable_domain (host);
  g_auto(GStrv) labels = NULL;
  g_autofree char *before_suffix = NULL;
  const char *suffix;
  gsize keep;

  if (domain == NULL)
    domain = g_strdup (host);
  g_ptr_array_add (scan->domains, g_strdup (domain));

  /* "www.med-login.mhlw.go.jp" in "mhlw.go.jp": "www", "med-login", "mhlw" */
  suffix = strchr (domain, '.');
  keep = suffix != NULL ? strlen (host) - strlen (suffix) : strlen (host);
  before_suffix = g_strndup (host, keep);
  labels = g_strsplit (before_suffix, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    if (strlen (labels[i]) >= 3 && !g_str_equal (labels[i], "www"))
      g_ptr_array_add (scan->skeletons, skeleton (labels[i]));
}

void
gma_mail_link_scan_init (GmaMailLinkScan      *scan,
                         GmaMailFacts         *facts,
                         const GmaMailBackend *backend)
{
  const char * const *hosts = gma_mail_facts_get_hosts (facts);
  const char *sender = gma_mail_facts_get_sender (facts);

  scan->facts = facts;
  scan->backend = backend;
  scan->domains = g_ptr_array_new_with_free_func (g_free);
  scan->skeletons = g_ptr_array_new_with_free_func (g_free);
  scan->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->links = g_ptr_array_new_with_free_func (gma_mail_link_free);

  for (guint i = 0; hosts[i] != NULL; i++)
    add_genuine_host (scan, hosts[i]);
  add_genuine_host (scan, strchr (sender, '@') + 1);
}

void
gma_mail_link_scan_clear (GmaMailLinkScan *scan)
{
  g_clear_pointer (&scan->domains, g_ptr_array_unref);
  g_clear_pointer (&scan->skeletons, g_ptr_array_unref);
  g_clear_pointer (&scan->seen, g_hash_table_unref);
  g_clear_pointer (&scan->links, g_ptr_array_unref);
}

static gboolean
is_lookalike (GmaMailLinkScan *scan,
              const char      *name)
{
  g_autofree char *mine = skeleton (name);

  for (guint i = 0; i < scan->skeletons->len; i++)
    if (strstr (mine, g_ptr_array_index (scan->skeletons, i)) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_guide_host (GmaMailLinkScan *scan,
               const char      *ascii)
{
  return g_strv_contains (gma_mail_facts_get_hosts (scan->facts), ascii);
}

/* The host as IDNA maps it (ASCII, punycode), lower case; NULL when it
 * is no host name. */
static char *
host_to_ascii (const char *host)
{
  g_autofree char *ascii = NULL;
  gsize len;

  if (host[0] == '\0')
    return NULL;
  ascii = g_hostname_to_ascii (host);
  if (ascii == NULL || ascii[0] == '\0')
    return NULL;
  len = strlen (ascii);
  while (len > 0 && ascii[len - 1] == '.')
    ascii[--len] = '\0';
  return len > 0 ? g_ascii_strdown (ascii, -1) : NULL;
}

/* Judges the host @raw (as written in the URL, @len bytes). */
static void
judge_host (GmaMailLinkScan *scan,
            GmaMailLink     *link,
            const char      *raw,
            gsize            len)
{
  g_autofree char *decoded = percent_decode (raw, len);
  g_autofree char *ascii = NULL;
  gboolean idn;

  ascii = host_to_ascii (decoded);
  if (ascii == NULL)
    {
      link->reasons |= GMA_MAIL_REASON_INVALID;
      link->host = g_utf8_strdown (decoded, -1);
      return;
    }

  idn = g_hostname_is_ascii_encoded (ascii);
  link->host = idn ? g_hostname_to_unicode (ascii) : g_strdup (ascii);
  if (link->host == NULL)
    link->host = g_strdup (ascii);
  if (idn)
    link->reasons |= GMA_MAIL_REASON_IDN;

  if (is_guide_host (scan, ascii) && !idn)
    {
      link->guide_host = TRUE;
      return;
    }

  if (!g_hostname_is_ip_address (ascii))
    link->domain = scan->backend->registrable_domain (ascii);
  if (link->domain != NULL && !idn &&
      g_ptr_array_find_with_equal_func (scan->domains, link->domain, g_str_equal, NULL))
    return;

  if (is_lookalike (scan, ascii))
    link->reasons |= GMA_MAIL_REASON_LOOKALIKE;
  else
    link->reasons |= GMA_MAIL_REASON_UNKNOWN_HOST;
}

/* The authority of a web URL: from after "scheme:" (and its slashes),
 * to the first of "/\?#". */
static void
split_authority (const char  *rest,
                 const char **userinfo_end,
                 const char **host,
                 const char **host_end,
                 const char **end)
{
  const char *p = rest;
  const char *at = NULL;
  const char *colon = NULL;

  while (*p == '/' || *p == '\\')
    p++;
  *userinfo_end = NULL;
  *host = p;
  for (; *p != '\0' && strchr ("/\\?#", *p) == NULL; p++)
    if (*p == '@')
      at = p;
  *end = p;
  if (at != NULL)
    {
      *userinfo_end = at;
      *host = at + 1;
    }

  /* A port; an IPv6 literal keeps its colons */
  if (**host == '[')
    {
      const char *close = memchr (*host, ']', *end - *host);

      *host_end = close != NULL ? close + 1 : *end;
      return;
    }
  colon = memchr (*host, ':', *end - *host);
  *host_end = colon != NULL ? colon : *end;
}

static const char *url_end (const char *p);

/* The host a text shows: of the first URL in it, or a bare host name
 * ("www.mhlw.go.jp") standing at its start; NULL when it shows none. */
static char *
shown_host (const char *text)
{
  const char *scheme = strstr (text, "://");
  const char *p;
  const char *end;

  if (scheme != NULL)
    {
      const char *userinfo_end;
      const char *host;
      const char *host_end;
      g_autofree char *url = NULL;

      /* The URL as it would be read in text: it ends where the text's
       * words begin */
      for (p = scheme; p > text && g_ascii_isalpha (p[-1]); p--)
        ;
      url = g_strndup (p, url_end (p) - p);
      split_authority (url + (scheme - p) + 3, &userinfo_end, &host, &host_end, &end);
      return host_end > host ? g_strndup (host, host_end - host) : NULL;
    }

  for (p = text; *p == ' '; p++)
    ;
  for (end = p; g_ascii_isalnum (*end) || *end == '.' || *end == '-'; end++)
    ;
  /* a.b.c with a letter in its last label */
  if (end > p && memchr (p, '.', end - p) != NULL && end[-1] != '.' && g_ascii_isalpha (end[-1]) &&
      (*end == '\0' || *end == '/' || *end == ' ' || *end == ':'))
    {
      g_autofree char *name = g_strndup (p, end - p);
      const char *last = strrchr (name, '.') + 1;

      if (strlen (last) >= 2)
        return g_steal_pointer (&name);
    }

  return NULL;
}

/* An HTML link's text shows another address than the link leads to. */
static void
judge_text (GmaMailLink *link)
{
  g_autofree char *host = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *target = NULL;

  if (link->text == NULL || link->text[0] == '\0')
    return;

  if (link->address != NULL)
    {
      g_autofree char *address = gma_mail_find_address (link->text, -1);

      if (address != NULL && g_ascii_strcasecmp (address, link->address) != 0)
        {
          link->reasons |= GMA_MAIL_REASON_TEXT_DIFFERS;
          link->shown = g_steal_pointer (&address);
        }
      return;
    }

  if (link->host == NULL)
    return;
  host = shown_host (link->text);
  if (host == NULL)
    return;
  ascii = host_to_ascii (host);
  target = host_to_ascii (link->host);
  if (g_strcmp0 (ascii, target) != 0)
    {
      link->reasons |= GMA_MAIL_REASON_TEXT_DIFFERS;
      link->shown = g_steal_pointer (&host);
    }
}

static void
judge_mailto (GmaMailLinkScan *scan,
              GmaMailLink     *link,
              const char      *rest)
{
  const char *end = strpbrk (rest, "?#");
  g_autofree char *address = percent_decode (rest, end != NULL ? (gsize) (end - rest) : strlen (rest));
  const char *sender = gma_mail_facts_get_sender (scan->facts);
  const char *at;

  link->address = g_strstrip (g_steal_pointer (&address));
  if (g_ascii_strcasecmp (link->address, sender) == 0)
    {
      link->guide_host = TRUE;
      return;
    }

  link->reasons |= GMA_MAIL_REASON_OTHER_ADDRESS;
  at = strrchr (link->address, '@');
  if (at != NULL)
    {
      g_autofree char *ascii = host_to_ascii (at + 1);

      link->host = g_strdup (ascii != NULL ? ascii : at + 1);
      if (ascii != NULL && g_hostname_is_ascii_encoded (ascii))
        link->reasons |= GMA_MAIL_REASON_IDN;
      if (ascii != NULL && is_lookalike (scan, ascii))
        link->reasons |= GMA_MAIL_REASON_LOOKALIKE;
    }
}

/* A link to @url (with the visible @text of an HTML link, or NULL),
 * judged; NULL for what leads nowhere (a fragment, an empty or relative
 * link). */
static GmaMailLink *
judge_url (GmaMailLinkScan *scan,
           const char      *url,
           const char      *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  GmaMailLink *link;
  const char *p;
  const char *start;

  /* Without tabs and line breaks, and the spaces around it, as a
   * browser reads it */
  for (p = url; *p != '\0'; p++)
    if (*p != '\t' && *p != '\n' && *p != '\r')
      g_string_append_c (clean, *p);
  g_strstrip (clean->str);
  clean->len = strlen (clean->str);

  for (p = clean->str; g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.'; p++)
    ;
  if (p == clean->str || *p != ':' || !g_ascii_isalpha (clean->str[0]))
    return NULL;

  link = g_new0 (GmaMailLink, 1);
  link->url = g_utf8_make_valid (clean->str, clean->len);
  link->text = text != NULL ? g_strstrip (g_utf8_make_valid (text, -1)) : NULL;
  link->scheme = g_ascii_strdown (clean->str, p - clean->str);
  start = p + 1;

  if (g_str_equal (link->scheme, "mailto"))
    judge_mailto (scan, link, start);
  else if (g_str_equal (link->scheme, "https") || g_str_equal (link->scheme, "http"))
    {
      const char *userinfo_end;
      const char *host;
      const char *host_end;
      const char *end;

      split_authority (start, &userinfo_end, &host, &host_end, &end);
      judge_host (scan, link, host, host_end - host);
      if (userinfo_end != NULL)
        {
          const char *userinfo = start;

          while (*userinfo == '/' || *userinfo == '\\')
            userinfo++;
          link->reasons |= GMA_MAIL_REASON_USERINFO;
          link->shown = percent_decode (userinfo, userinfo_end - userinfo);
        }
      if (g_str_equal (link->scheme, "http"))
        link->reasons |= GMA_MAIL_REASON_HTTP;
    }
  else
    link->reasons |= GMA_MAIL_REASON_SCHEME;

  if (!(link->reasons & GMA_MAIL_REASON_USERINFO))
    judge_text (link);

  return link;
}

static void
add_link (GmaMailLinkScan *scan,
          const char      *url,
          const char      *text)
{
  GmaMailLink *link = judge_url (scan, url, text);
  char *key;

  if (link == NULL)
    return;

  /* Each link once: the plain and the HTML version of a mail hold the
   * same URLs */
  key = g_strdup_printf ("%s\037%u\037%s", link->url, link->reasons,
                         link->shown != NULL ? link->shown : "");
  if (g_hash_table_contains (scan->seen, key))
    {
      g_free (key);
      gma_mail_link_free (link);
      return;
    }
  g_hash_table_add (scan->seen, key);
  g_ptr_array_add (scan->links, link);
}

/* Whether @c ends a URL in text where it stands in a host name: white
 * space and the punctuation of Japanese text (「」、。（）). */
static gboolean
ends_host (gunichar c)
{
  return g_unichar_isspace (c) || (c >= 0x3000 && c <= 0x303F) || c == 0xFF08 || c == 0xFF09 ||
         c == 0xFF0C || c == 0xFF3B || c == 0xFF3D || c == 0xFF5B || c == 0xFF5D || c == 0xFF1A;
}

static gboolean
is_kana_or_kanji (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
}

/* Where the URL at @p (its "http") ends in a text: a host may hold any
 * character but white space and Japanese punctuation (a look-alike is
 * written in other scripts), except that Japanese words written right
 * after an ASCII name end it ("www.mhlw.go.jpにアクセス"); the rest of
 * the URL is ASCII. Trailing punctuation is left out. */
static const char *
url_end (const char *p)
{
  const char *q = strstr (p, "://") + 3;
  gunichar previous = 0;

  /* The host (with any user name and port) */
  while (*q != '\0')
    {
      gunichar c = g_utf8_get_char_validated (q, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c < 0x80 && (strchr ("/\\?#", c) != NULL))
        break;
      if (c < 0x80 && (c <= ' ' || strchr ("<>\"`", c) != NULL))
        return q;
      if (c >= 0x80 && (ends_host (c) || (is_kana_or_kanji (c) && previous < 0x80 &&
                                           g_ascii_isalnum (previous))))
        return q;
      previous = c;
      q = g_utf8_next_char (q);
    }

  /* The path, query and fragment */
  while ((guchar) *q > ' ' && (guchar) *q < 0x7f && strchr ("<>\"`", *q) == NULL)
    q++;
  /* A closing parenthesis stays when it closes one of the URL's own */
  while (q > p && strchr (".,;:!?)]}'", q[-1]) != NULL)
    {
      if (q[-1] == ')')
        {
          guint open = 0;
          guint close = 0;

          for (const char *c = p; c < q; c++)
            {
              open += *c == '(';
              close += *c == ')';
            }
          if (close <= open)
            break;
        }
      q--;
    }

  return q;
}

/* The http: and https: URLs written in @text. */
static void
scan_text (GmaMailLinkScan *scan,
           const char      *text)
{
  const char *p = text;

  while ((p = strpbrk (p, "hH")) != NULL)
    {
      const char *end;
      g_autofree char *url = NULL;

      if (g_ascii_strncasecmp (p, "https://", 8) != 0 && g_ascii_strncasecmp (p, "http://", 7) != 0)
        {
          p++;
          continue;
        }
      end = url_end (p);
      url = g_strndup (p, end - p);
      add_link (scan, url, NULL);
      p = end > p ? end : p + 1;
    }
}

static char *
tag_href (const GmaHtmlToken *tag)
{
  GmaHtmlPos pos = tag->attributes;
  GmaHtmlAttribute attribute;

  while (gma_html_next_attribute (tag, &pos, &attribute))
    if (attribute.value != NULL && gma_html_name_is (attribute.name, attribute.name_len, "href"))
      return gma_html_decode (attribute.value, attribute.value_len);
  return NULL;
}

/* An HTML part: each <a href> with its visible text, and the URLs of
 * the text outside links. */
static void
scan_html (GmaMailLinkScan *scan,
           const char      *html)
{
  g_autofree char *href = NULL;   /* of the open link */
  const char *content = NULL;     /* where its text starts */
  GmaHtmlScanner scanner;
  GmaHtmlToken token;

  gma_html_scanner_init (&scanner, html, -1);
  while (gma_html_next_token (&scanner, &token))
    {
      gboolean is_a = (token.kind == GMA_HTML_START_TAG || token.kind == GMA_HTML_END_TAG) &&
                      gma_html_name_is (token.name, token.name_len, "a");

      if (is_a && href != NULL)
        {
          /* An end tag closes the link; a new <a> too (links do not nest) */
          g_autofree char *text = gma_html_to_text (content, token.start.p - content, NULL);

          add_link (scan, href, text);
          g_clear_pointer (&href, g_free);
        }
      if (is_a && token.kind == GMA_HTML_START_TAG)
        {
          href = tag_href (&token);
          content = token.end;
        }
      else if (token.kind == GMA_HTML_TEXT && href == NULL)
        {
          g_autofree char *text = gma_html_decode (token.start.p, token.end - token.start.p);

          scan_text (scan, text);
        }
    }

  if (href != NULL)
    {
      g_autofree char *text = gma_html_to_text (content, -1, NULL);

      add_link (scan, href, text);
    }
}

void
gma_mail_link_scan_part (GmaMailLinkScan   *scan,
                         const GmaMailText *part)
{
  if (part->kind == GMA_MAIL_PART_HTML)
    scan_html (scan, part->text);
  else
    scan_text (scan, part->text);
}
