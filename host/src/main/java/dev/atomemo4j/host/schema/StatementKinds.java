package dev.atomemo4j.host.schema;

import dev.atomemo4j.runtime.storage.DatabaseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * What {@code db()} runs besides the table check: reads and row changes only (structure changes belong in
 * migrations, and a {@code DO} block or a function definition could reach anything), and no function that runs SQL
 * given as a string or reaches files, other databases or the session — a table named inside a string is one no
 * parser sees.
 */
final class StatementKinds {
  private StatementKinds() {}

  private static final Set<String> FORBIDDEN = Set.of(
      "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml", "table_to_xml",
      "table_to_xml_and_xmlschema", "schema_to_xml", "schema_to_xml_and_xmlschema", "database_to_xml",
      "database_to_xml_and_xmlschema", "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u",
      "dblink_send_query", "dblink_open", "dblink_fetch", "pg_read_file", "pg_read_binary_file", "pg_ls_dir",
      "pg_stat_file", "lo_import", "lo_export", "set_config", "pg_terminate_backend", "pg_cancel_backend",
      "pg_advisory_lock", "pg_advisory_xact_lock", "pg_try_advisory_lock", "pg_try_advisory_xact_lock",
      "pg_sleep", "pg_sleep_for", "pg_sleep_until", "file_read", "file_write", "csvread", "csvwrite",
      "link_schema", "cancel_session", "abort_session");
  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_$.\"]*)\\s*\\(");
  private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'|\\$\\$.*?\\$\\$", Pattern.DOTALL);

  /** @throws DatabaseException {@code db:unparsable} or {@code db:statement_not_allowed} */
  static void check(String pluginId, String sql) {
    Statements statements;
    try {
      statements = CCJSqlParserUtil.parseStatements(sql);
    } catch (JSQLParserException e) {
      throw new DatabaseException(DatabaseException.UNPARSABLE, "plugin `" + pluginId + "`: the statement does not "
          + "parse, so what it touches cannot be checked, and it does not run");
    }
    for (Statement s : statements) {
      if (s != null && !(s instanceof Select || s instanceof Insert || s instanceof Update || s instanceof Delete
          || s instanceof Merge || s instanceof Upsert)) {
        throw new DatabaseException(DatabaseException.STATEMENT_NOT_ALLOWED, "plugin `" + pluginId + "`: db() runs "
            + "SELECT, INSERT, UPDATE, DELETE and MERGE only, not " + s.getClass().getSimpleName()
            + "; change tables in an @Migration step");
      }
    }
    Matcher m = CALL.matcher(LITERAL.matcher(sql).replaceAll("''"));
    while (m.find()) {
      String name = m.group(1).replace("\"", "").toLowerCase(Locale.ROOT);
      String bare = name.substring(name.lastIndexOf('.') + 1);
      if (FORBIDDEN.contains(bare)) {
        throw new DatabaseException(DatabaseException.STATEMENT_NOT_ALLOWED, "plugin `" + pluginId + "`: db() does "
            + "not call " + bare + "(): it reaches past the plugin's tables");
      }
    }
  }
}
