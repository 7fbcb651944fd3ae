package dev.atomemo4j.model.property;

import dev.atomemo4j.model.I18nText;
import dev.atomemo4j.model.JsonValue;
import java.util.List;

/**
 * The {@code ui} object of a property: the common props, the {@code component}, and every component-specific
 * prop. Only the props that belong to the component are written; the rest are dropped, as the official
 * schema does.
 */
public record Ui(
    Boolean disabled,
    I18nText hint,
    I18nText placeholder,
    Boolean readonly,
    Boolean sensitive,
    Boolean supportExpression,
    String width,
    Double indentation,
    Boolean displayNone,
    String component,
    Double maxHeight,
    Double minHeight,
    Double step,
    String suffix,
    String language,
    Boolean lineNumbers,
    Boolean lineWrapping,
    Double rows,
    Boolean clearable,
    List<UiOption> options,
    Boolean searchable,
    JsonValue marks,
    Boolean showValue,
    I18nText addButtonLabel,
    I18nText emptyDescription,
    I18nText sectionHeader,
    String size,
    I18nText addLabel,
    Boolean collapsible,
    I18nText emptyMessage,
    I18nText removeTooltip,
    Boolean sortable,
    Boolean defaultCollapsed,
    I18nText panelTitle) {

  public Ui {
    options = options == null ? null : List.copyOf(options);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A UI with only a component. */
  public static Ui component(String component) {
    return builder().component(component).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.disabled = disabled;
    b.hint = hint;
    b.placeholder = placeholder;
    b.readonly = readonly;
    b.sensitive = sensitive;
    b.supportExpression = supportExpression;
    b.width = width;
    b.indentation = indentation;
    b.displayNone = displayNone;
    b.component = component;
    b.maxHeight = maxHeight;
    b.minHeight = minHeight;
    b.step = step;
    b.suffix = suffix;
    b.language = language;
    b.lineNumbers = lineNumbers;
    b.lineWrapping = lineWrapping;
    b.rows = rows;
    b.clearable = clearable;
    b.options = options;
    b.searchable = searchable;
    b.marks = marks;
    b.showValue = showValue;
    b.addButtonLabel = addButtonLabel;
    b.emptyDescription = emptyDescription;
    b.sectionHeader = sectionHeader;
    b.size = size;
    b.addLabel = addLabel;
    b.collapsible = collapsible;
    b.emptyMessage = emptyMessage;
    b.removeTooltip = removeTooltip;
    b.sortable = sortable;
    b.defaultCollapsed = defaultCollapsed;
    b.panelTitle = panelTitle;
    return b;
  }

  /** Builds a {@link Ui}; unset props stay absent. */
  public static final class Builder {
    private Boolean disabled;
    private I18nText hint;
    private I18nText placeholder;
    private Boolean readonly;
    private Boolean sensitive;
    private Boolean supportExpression;
    private String width;
    private Double indentation;
    private Boolean displayNone;
    private String component;
    private Double maxHeight;
    private Double minHeight;
    private Double step;
    private String suffix;
    private String language;
    private Boolean lineNumbers;
    private Boolean lineWrapping;
    private Double rows;
    private Boolean clearable;
    private List<UiOption> options;
    private Boolean searchable;
    private JsonValue marks;
    private Boolean showValue;
    private I18nText addButtonLabel;
    private I18nText emptyDescription;
    private I18nText sectionHeader;
    private String size;
    private I18nText addLabel;
    private Boolean collapsible;
    private I18nText emptyMessage;
    private I18nText removeTooltip;
    private Boolean sortable;
    private Boolean defaultCollapsed;
    private I18nText panelTitle;

    private Builder() {}

    public Builder disabled(Boolean value) {
      this.disabled = value;
      return this;
    }

    public Builder hint(I18nText value) {
      this.hint = value;
      return this;
    }

    public Builder placeholder(I18nText value) {
      this.placeholder = value;
      return this;
    }

    public Builder readonly(Boolean value) {
      this.readonly = value;
      return this;
    }

    public Builder sensitive(Boolean value) {
      this.sensitive = value;
      return this;
    }

    public Builder supportExpression(Boolean value) {
      this.supportExpression = value;
      return this;
    }

    public Builder width(String value) {
      this.width = value;
      return this;
    }

    public Builder indentation(Double value) {
      this.indentation = value;
      return this;
    }

    public Builder displayNone(Boolean value) {
      this.displayNone = value;
      return this;
    }

    public Builder component(String value) {
      this.component = value;
      return this;
    }

    public Builder maxHeight(Double value) {
      this.maxHeight = value;
      return this;
    }

    public Builder minHeight(Double value) {
      this.minHeight = value;
      return this;
    }

    public Builder step(Double value) {
      this.step = value;
      return this;
    }

    public Builder suffix(String value) {
      this.suffix = value;
      return this;
    }

    public Builder language(String value) {
      this.language = value;
      return this;
    }

    public Builder lineNumbers(Boolean value) {
      this.lineNumbers = value;
      return this;
    }

    public Builder lineWrapping(Boolean value) {
      this.lineWrapping = value;
      return this;
    }

    public Builder rows(Double value) {
      this.rows = value;
      return this;
    }

    public Builder clearable(Boolean value) {
      this.clearable = value;
      return this;
    }

    public Builder options(List<UiOption> value) {
      this.options = value;
      return this;
    }

    public Builder searchable(Boolean value) {
      this.searchable = value;
      return this;
    }

    public Builder marks(JsonValue value) {
      this.marks = value;
      return this;
    }

    public Builder showValue(Boolean value) {
      this.showValue = value;
      return this;
    }

    public Builder addButtonLabel(I18nText value) {
      this.addButtonLabel = value;
      return this;
    }

    public Builder emptyDescription(I18nText value) {
      this.emptyDescription = value;
      return this;
    }

    public Builder sectionHeader(I18nText value) {
      this.sectionHeader = value;
      return this;
    }

    public Builder size(String value) {
      this.size = value;
      return this;
    }

    public Builder addLabel(I18nText value) {
      this.addLabel = value;
      return this;
    }

    public Builder collapsible(Boolean value) {
      this.collapsible = value;
      return this;
    }

    public Builder emptyMessage(I18nText value) {
      this.emptyMessage = value;
      return this;
    }

    public Builder removeTooltip(I18nText value) {
      this.removeTooltip = value;
      return this;
    }

    public Builder sortable(Boolean value) {
      this.sortable = value;
      return this;
    }

    public Builder defaultCollapsed(Boolean value) {
      this.defaultCollapsed = value;
      return this;
    }

    public Builder panelTitle(I18nText value) {
      this.panelTitle = value;
      return this;
    }

    public Ui build() {
      return new Ui(disabled, hint, placeholder, readonly, sensitive, supportExpression, width, indentation, displayNone, component, maxHeight, minHeight, step, suffix, language, lineNumbers, lineWrapping, rows, clearable, options, searchable, marks, showValue, addButtonLabel, emptyDescription, sectionHeader, size, addLabel, collapsible, emptyMessage, removeTooltip, sortable, defaultCollapsed, panelTitle);
    }
  }
}
