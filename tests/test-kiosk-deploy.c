/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What an administrator installs from data/kiosk/: the dconf keyfile and
 * its locks match the schemas, dconf compiles them, the systemd unit runs
 * the assistant under cage with Restart=always and systemd-analyze finds
 * nothing wrong with it, the GNOME Kiosk script is valid sh. */
#define G_LOG_DOMAIN "test-kiosk-deploy"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "gma-contact.h"

static char *
kiosk_path (const char *relative)
{
  const char *root = g_getenv ("GMA_SOURCE_ROOT");

  g_assert_nonnull (root);

  return g_build_filename (root, "data", "kiosk", relative, NULL);
}

static GKeyFile *
load_key_file (const char *relative)
{
  g_autofree char *path = kiosk_path (relative);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&key_file);
}

static GSettingsSchema *
schema_for_path (const char *path)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_auto(GStrv) non_relocatable = NULL;

  if (source == NULL)
    return NULL;

  g_settings_schema_source_list_schemas (source, TRUE, &non_relocatable, NULL);

  for (guint i = 0; non_relocatable[i] != NULL; i++)
    {
      g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, non_relocatable[i], TRUE);

      if (schema != NULL && g_strcmp0 (g_settings_schema_get_path (schema), path) == 0)
        return g_steal_pointer (&schema);
    }

  return NULL;
}

#define KEYFILE "dconf/db/local.d/00-gmis-assistant"
#define LOCKS   "dconf/db/local.d/locks/gmis-assistant"
#define APP_GROUP "io/github/gmisassistant/Assistant"

static void
test_keyfile_matches_schemas (void)
{
  g_autoptr(GKeyFile) key_file = load_key_file (KEYFILE);
  g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);
  gboolean saw_app = FALSE;

  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_autofree char *path = g_strconcat ("/", groups[g], "/", NULL);
      g_autoptr(GSettingsSchema) schema = schema_for_path (path);
      g_auto(GStrv) keys = g_key_file_get_keys (key_file, groups[g], NULL, NULL);
      gboolean is_app = g_str_equal (groups[g], APP_GROUP);

      if (schema == NULL)
        {
          /* The app's schema must be there (GSETTINGS_SCHEMA_DIR); the
           * desktop's may not be installed where the tests run. */
          if (is_app)
            g_error ("No schema with path %s: is GSETTINGS_SCHEMA_DIR set?", path);
          g_test_message ("No schema installed for %s; not checked", path);
          continue;
        }

      saw_app |= is_app;

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *text = g_key_file_get_value (key_file, groups[g], keys[k], NULL);
          g_autoptr(GSettingsSchemaKey) key = NULL;
          g_autoptr(GVariant) value = NULL;
          g_autoptr(GError) error = NULL;

          if (!g_settings_schema_has_key (schema, keys[k]))
            g_error ("%s: no key “%s” in schema %s", groups[g], keys[k],
                     g_settings_schema_get_id (schema));

          key = g_settings_schema_get_key (schema, keys[k]);
          value = g_variant_parse (g_settings_schema_key_get_value_type (key), text, NULL, NULL, &error);
          if (value == NULL)
            g_error ("%s/%s: “%s” is not a %s: %s", groups[g], keys[k], text,
                     g_variant_type_peek_string (g_settings_schema_key_get_value_type (key)),
                     error->message);
          g_assert_true (g_settings_schema_key_range_check (key, value));

          /* The counter's values are checked beyond their type, as the
           * window checks them. */
          if (is_app && g_str_has_prefix (keys[k], "counter-"))
            {
              gboolean found = FALSE;

              for (guint f = 0; f < GMA_CONTACT_N_FIELDS; f++)
                if (g_str_equal (keys[k], gma_contact_field_get_key (f)))
                  {
                    found = TRUE;
                    if (!gma_contact_validate (f, g_variant_get_string (value, NULL), &error))
                      g_error ("%s/%s: %s", groups[g], keys[k], error->message);
                  }
              g_assert_true (found);
            }
        }
    }

  g_assert_true (saw_app);

  /* What a kiosk needs. */
  g_assert_true (g_key_file_get_boolean (key_file, APP_GROUP, "kiosk-mode", NULL));
  g_assert_false (g_key_file_get_boolean (key_file, APP_GROUP, "kiosk-allow-print", NULL));
  g_assert_true (g_key_file_has_key (key_file, APP_GROUP, "idle-timeout", NULL));
}

static void
test_locks (void)
{
  g_autoptr(GKeyFile) key_file = load_key_file (KEYFILE);
  g_autofree char *path = kiosk_path (LOCKS);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) locked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) app_keys = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      const char *slash;
      g_autofree char *group = NULL;

      if (*line == '\0' || *line == '#')
        continue;

      /* /group/key, and the keyfile sets it. */
      g_assert_true (line[0] == '/');
      slash = strrchr (line, '/');
      g_assert_true (slash > line);
      group = g_strndup (line + 1, slash - line - 1);
      if (!g_key_file_has_key (key_file, group, slash + 1, NULL))
        g_error ("Lock %s: the keyfile does not set it", line);

      g_hash_table_add (locked, g_strdup (line));
    }

  /* Every app setting the keyfile makes is locked. */
  app_keys = g_key_file_get_keys (key_file, APP_GROUP, NULL, NULL);
  for (guint k = 0; app_keys[k] != NULL; k++)
    {
      g_autofree char *lock = g_strconcat ("/" APP_GROUP "/", app_keys[k], NULL);

      if (!g_hash_table_contains (locked, lock))
        g_error ("%s is set but not locked", lock);
    }
}

static void
test_dconf_compile (void)
{
  g_autofree char *dconf = g_find_program_in_path ("dconf");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *source = kiosk_path ("dconf/db/local.d");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (dconf == NULL)
    {
      g_test_skip ("dconf (dconf-cli) is not installed");
      return;
    }

  dir = g_dir_make_tmp ("gma-dconf-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "local", NULL);

  {
    const char *argv[] = { dconf, "compile", db, source, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  NULL, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("dconf compile failed: %s", err);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  g_unlink (db);
  g_rmdir (dir);
}

static void
test_systemd_unit (void)
{
  g_autofree char *path = kiosk_path ("gmis-assistant-kiosk.service");
  g_autoptr(GKeyFile) unit = load_key_file ("gmis-assistant-kiosk.service");
  g_autofree char *exec = g_key_file_get_value (unit, "Service", "ExecStart", NULL);
  g_autofree char *restart = g_key_file_get_value (unit, "Service", "Restart", NULL);
  g_autofree char *user = g_key_file_get_value (unit, "Service", "User", NULL);
  g_autofree char *pam = g_key_file_get_value (unit, "Service", "PAMName", NULL);
  g_autofree char *tty = g_key_file_get_value (unit, "Service", "TTYPath", NULL);
  g_autofree char *analyze = g_find_program_in_path ("systemd-analyze");

  g_assert_cmpstr (restart, ==, "always");
  g_assert_nonnull (exec);
  g_assert_true (g_str_has_prefix (exec, "/usr/bin/cage "));
  g_assert_nonnull (strstr (exec, "gmis-assistant --kiosk"));
  g_assert_nonnull (user);
  g_assert_cmpstr (user, !=, "root");
  g_assert_cmpstr (pam, ==, "login");
  g_assert_cmpstr (tty, ==, "/dev/tty1");

  if (analyze == NULL)
    {
      g_test_message ("systemd-analyze is not installed; unit not verified");
      return;
    }

  /* systemd-analyze verify reports problems of the unit on stderr, each
   * line naming the file, and exits 0 for most of them. */
  {
    const char *argv[] = { analyze, "verify", path, NULL };
    g_autofree char *err = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  NULL, &err, &status, &error);
    g_assert_no_error (error);
    if (strstr (err, path) != NULL)
      g_error ("systemd-analyze verify: %s", err);
  }
}

static void
test_kiosk_script (void)
{
  g_autofree char *path = kiosk_path ("gnome-kiosk-script");
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "sh", "-n", path, NULL };

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "#!/bin/sh\n"));
  g_assert_nonnull (strstr (contents, "gmis-assistant --kiosk"));

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sh -n %s: %s", path, err);
}

static void
test_readme_names_files (void)
{
  static const char * const files[] = {
    "gmis-assistant-kiosk.service",
    "dconf/profile/user",
    KEYFILE,
    LOCKS,
    "gnome-kiosk-script",
  };
  g_autofree char *path = kiosk_path ("README.md");
  g_autofree char *readme = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &readme, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = kiosk_path (files[i]);

      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      if (strstr (readme, files[i]) == NULL)
        g_error ("README.md does not mention %s", files[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/deploy/keyfile-matches-schemas", test_keyfile_matches_schemas);
  g_test_add_func ("/kiosk/deploy/locks", test_locks);
  g_test_add_func ("/kiosk/deploy/dconf-compile", test_dconf_compile);
  g_test_add_func ("/kiosk/deploy/systemd-unit", test_systemd_unit);
  g_test_add_func ("/kiosk/deploy/gnome-kiosk-script", test_kiosk_script);
  g_test_add_func ("/kiosk/deploy/readme", test_readme_names_files);

  return g_test_run ();
}
