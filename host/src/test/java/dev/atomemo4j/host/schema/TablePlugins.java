package dev.atomemo4j.host.schema;

import dev.atomemo4j.annotations.ColumnType;
import dev.atomemo4j.host.testplugins.HandWrittenRegistry;
import dev.atomemo4j.runtime.HealthResult;
import dev.atomemo4j.runtime.PluginContext;
import dev.atomemo4j.runtime.spi.PluginDescriptor;
import dev.atomemo4j.runtime.spi.PluginRegistry;
import dev.atomemo4j.runtime.spi.SchemaBinding;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plugins with tables, described as the processor generates them (compare SchemaDiagnosticsTest): a
 * {@link SchemaBinding} of plain records and lambdas. Each keeps the context its initialize got, and counts its
 * initializations and probes.
 */
final class TablePlugins {
  private TablePlugins() {}

  /** Version 1 of the notes table: a title. */
  record NoteV1(String title) {}

  /** Version 2: a star count added with a default, so the rows of version 1 get one. */
  record NoteV2(String title, Integer stars) {}

  /** Version 3: body is called text now (an explicit rename step). */
  record NoteV3(String title, Integer stars, String text) {}

  static final SchemaBinding.Column TITLE = new SchemaBinding.Column("title", ColumnType.TEXT, true, false, null, 1);
  static final SchemaBinding.Column STARS = new SchemaBinding.Column("stars", ColumnType.INTEGER, true, false, "0",
      2);

  static SchemaBinding v1() {
    return new SchemaBinding(1, List.of(new SchemaBinding.Table("note", 1, NoteV1.class, List.of(TITLE),
        row -> Arrays.asList(((NoteV1) row).title()))), List.of());
  }

  static SchemaBinding v2(SchemaBinding.Migration... steps) {
    return new SchemaBinding(2, List.of(new SchemaBinding.Table("note", 1, NoteV2.class, List.of(TITLE, STARS),
        row -> Arrays.asList(((NoteV2) row).title(), ((NoteV2) row).stars()))), List.of(steps));
  }

  /** A plugin {@code id} with {@code schema}; {@link Handle} sees what the host gave it. */
  static final class Handle {
    final String id;
    final AtomicReference<PluginContext> context = new AtomicReference<>();
    final AtomicInteger initialized = new AtomicInteger();
    final AtomicInteger probed = new AtomicInteger();
    private final PluginRegistry registry;

    Handle(String id, SchemaBinding schema, boolean required) {
      this.id = id;
      HandWrittenRegistry r = HandWrittenRegistry.plugin(id)
          .initialize((plugin, ctx) -> {
            initialized.incrementAndGet();
            context.set(ctx);
          })
          .healthCheck(plugin -> {
            probed.incrementAndGet();
            return HealthResult.ok();
          });
      if (required) {
        r.required();
      }
      PluginDescriptor d = r.descriptor();
      PluginDescriptor withSchema = new PluginDescriptor(d.name(), d.version(), d.definitionResource(), d.anchor(),
          d.tools(), d.credentials(), d.atlas().withSchema(schema));
      this.registry = () -> withSchema;
    }

    PluginRegistry registry() {
      return registry;
    }

    dev.atomemo4j.runtime.storage.PluginDatabase db() {
      return context.get().db();
    }
  }

  static Handle plugin(String id, SchemaBinding schema) {
    return new Handle(id, schema, false);
  }

  static Handle required(String id, SchemaBinding schema) {
    return new Handle(id, schema, true);
  }
}
