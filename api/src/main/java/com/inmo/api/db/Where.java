package com.inmo.api.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/** WHERE conditions with their bind values; the SQL text never contains input, only named parameters. */
public final class Where {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();

  /** A condition with one named parameter. */
  public Where add(String condition, String name, Object value) {
    conditions.add(condition);
    values.put(name, value);
    return this;
  }

  /** A condition whose parameters are bound with {@link #value}. */
  public Where add(String condition) {
    conditions.add(condition);
    return this;
  }

  public Where value(String name, Object value) {
    values.put(name, value);
    return this;
  }

  /** A copy, to add conditions (a page's cursor) that another query of the same filters must not see. */
  public Where copy() {
    Where copy = new Where();
    copy.conditions.addAll(conditions);
    copy.values.putAll(values);
    return copy;
  }

  /** {@code " WHERE a AND b"}, or empty. */
  public String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** {@code " AND a AND b"}, or empty: for a query with a WHERE of its own. */
  public String and() {
    return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
  }

  public DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      spec = spec.bind(e.getKey(), e.getValue());
    }
    return spec;
  }
}
