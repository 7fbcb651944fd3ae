package dev.atomemo4j.host.query;

import java.util.Set;

/**
 * Functions a read-only query must not call: they sleep, touch files or the network, run SQL given as a string,
 * end or reconfigure sessions, advance sequences or take advisory locks. Matched on the name without its schema or
 * package, and on known packages as a whole; the list is the union over the dialects, since a name that is not a
 * function in one database costs nothing there.
 */
final class ForbiddenFunctions {
  private ForbiddenFunctions() {}

  private static final Set<String> NAMES = Set.of(
      // PostgreSQL: sleep, files, large objects, other databases, sessions, settings, sequences, locks, SQL strings
      "pg_sleep", "pg_sleep_for", "pg_sleep_until",
      "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "pg_ls_logdir", "pg_ls_waldir",
      "pg_ls_tmpdir", "pg_ls_archive_statusdir", "pg_file_write", "pg_file_unlink", "pg_file_rename",
      "pg_logdir_ls",
      "lo_import", "lo_export", "lo_unlink", "lo_create", "lo_creat", "lo_put", "lo_from_bytea", "lo_open",
      "lo_truncate", "lowrite",
      "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query", "dblink_open",
      "dblink_fetch",
      "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_switch_wal",
      "pg_create_restore_point", "pg_promote", "pg_backup_start", "pg_backup_stop", "pg_start_backup",
      "pg_stop_backup", "pg_create_logical_replication_slot", "pg_create_physical_replication_slot",
      "pg_drop_replication_slot", "pg_logical_emit_message", "pg_notify", "pg_stat_reset",
      "pg_stat_statements_reset", "pg_import_system_collations",
      "set_config", "nextval", "setval",
      "pg_advisory_lock", "pg_advisory_lock_shared", "pg_advisory_xact_lock", "pg_advisory_xact_lock_shared",
      "pg_try_advisory_lock", "pg_try_advisory_lock_shared", "pg_try_advisory_xact_lock",
      "pg_try_advisory_xact_lock_shared",
      "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml", "table_to_xml",
      "table_to_xml_and_xmlschema", "schema_to_xml", "schema_to_xml_and_xmlschema", "database_to_xml",
      "database_to_xml_and_xmlschema",
      // H2: files, other databases, sessions, session variables
      "file_read", "file_write", "csvread", "csvwrite", "link_schema", "cancel_session", "abort_session", "set",
      // MySQL / MariaDB
      "sleep", "benchmark", "load_file", "get_lock", "release_lock", "release_all_locks", "master_pos_wait",
      "source_pos_wait", "sys_exec", "sys_eval",
      // SQL Server
      "xp_cmdshell", "openrowset", "opendatasource", "openquery",
      // ClickHouse / DuckDB table functions that reach files, URLs or other servers
      "file", "url", "remote", "remotesecure", "s3", "hdfs", "executable", "read_csv", "read_csv_auto",
      "read_parquet", "read_json", "read_json_auto", "read_text", "read_blob", "glob");

  /** Oracle packages that reach the network, files, pipes or sleep. */
  private static final Set<String> PACKAGES = Set.of(
      "utl_http", "utl_file", "utl_inaddr", "utl_smtp", "utl_tcp", "dbms_pipe", "dbms_lock", "dbms_java",
      "dbms_scheduler", "dbms_sql", "dbms_xmlquery");

  /** Whether {@code name} (lower case, maybe schema- or package-qualified) is forbidden. */
  static boolean isForbidden(String name) {
    String bare = unquote(name.substring(name.lastIndexOf('.') + 1));
    if (NAMES.contains(bare)) {
      return true;
    }
    for (String part : name.split("\\.")) {
      if (PACKAGES.contains(unquote(part))) {
        return true;
      }
    }
    return false;
  }

  private static String unquote(String part) {
    if (part.length() >= 2 && (part.charAt(0) == '"' || part.charAt(0) == '`' || part.charAt(0) == '[')) {
      return part.substring(1, part.length() - 1);
    }
    return part;
  }
}
