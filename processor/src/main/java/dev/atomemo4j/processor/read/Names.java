package dev.atomemo4j.processor.read;

/** Qualified names of the types the processor recognizes, in one place. */
final class Names {
  private Names() {}

  static final String PKG = "dev.atomemo4j.annotations.";
  static final String PLUGIN = PKG + "Plugin";
  static final String TOOL = PKG + "Tool";
  static final String ACTION = PKG + "Action";
  static final String PARAM = PKG + "Param";
  static final String OPTION = PKG + "Option";
  static final String CREDENTIAL = PKG + "Credential";
  static final String MODEL = PKG + "Model";
  static final String MODELS = PKG + "Model.List";
  static final String WIRE_NAME = PKG + "WireName";
  static final String UNION = PKG + "Union";
  static final String VARIANT = PKG + "Variant";
  static final String LOCATOR = PKG + "Locator";
  static final String MAPPER = PKG + "Mapper";
  static final String LOCATOR_LIST = PKG + "LocatorList";
  static final String RESOURCE_MAPPING = PKG + "ResourceMapping";
  static final String AUTHENTICATE = PKG + "Authenticate";
  static final String OAUTH2_AUTHORIZE_URL = PKG + "OAuth2AuthorizeUrl";
  static final String OAUTH2_GET_TOKEN = PKG + "OAuth2GetToken";
  static final String OAUTH2_REFRESH_TOKEN = PKG + "OAuth2RefreshToken";

  static final String HOOK = PKG + "Hook";
  static final String HOOKS = "dev.atomemo4j.runtime.hooks.";

  static final String CONFIG_FIELD = PKG + "ConfigField";
  static final String INITIALIZE = PKG + "Initialize";
  static final String HEALTH_CHECK = PKG + "HealthCheck";
  static final String TEARDOWN = PKG + "Teardown";
  static final String ON_UNINSTALL = PKG + "OnUninstall";
  static final String CONTEXT_PROVIDER = PKG + "ContextProvider";
  static final String REFRESH = PKG + "Refresh";
  /** The lifecycle annotations, in the order the manifest lists them. */
  static final java.util.List<String> LIFECYCLE = java.util.List.of(INITIALIZE, HEALTH_CHECK, TEARDOWN, ON_UNINSTALL,
      CONTEXT_PROVIDER, REFRESH);

  static final String RT = "dev.atomemo4j.runtime.";
  static final String PLUGIN_CONTEXT = RT + "PluginContext";
  static final String HEALTH_RESULT = RT + "HealthResult";
  static final String JAKARTA_CONSTRAINTS = "jakarta.validation.constraints.";
  static final String JAKARTA_DEFAULT_GROUP = "jakarta.validation.groups.Default";
  static final String TOOL_CONTEXT = RT + "ToolContext";
  static final String SECRET = RT + "Secret";
  static final String TOKEN_PATCH = RT + "TokenPatch";
  static final String CREDENTIAL_REQUEST = RT + "CredentialRequest";
  static final String OAUTH2_AUTHORIZE_REQUEST = RT + "OAuth2AuthorizeRequest";
  static final String OAUTH2_TOKEN_REQUEST = RT + "OAuth2TokenRequest";
  static final String OAUTH2_REFRESH_REQUEST = RT + "OAuth2RefreshRequest";
  static final String LOCATOR_REQUEST = RT + "LocatorRequest";
  static final String MAPPING_REQUEST = RT + "MappingRequest";
  static final String FILE_REF = "dev.atomemo4j.model.value.FileRef";
  static final String RESOURCE_LOCATOR = "dev.atomemo4j.model.value.ResourceLocator";
  static final String RESOURCE_MAPPER = "dev.atomemo4j.model.value.ResourceMapper";
  static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
  static final String OBJECT_NODE = "com.fasterxml.jackson.databind.node.ObjectNode";
}
