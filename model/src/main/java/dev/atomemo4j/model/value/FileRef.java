package dev.atomemo4j.model.value;

/**
 * A file handed between the Hub and a plugin ({@code "__type__": "file_ref"}). Content travels either inline
 * ({@code source = "mem"}, base64 {@code content}) or in object storage ({@code source = "oss"},
 * {@code resKey}/{@code remoteUrl}). Absent members are null.
 */
public record FileRef(
    String source,
    String filename,
    String extension,
    String mimeType,
    Long size,
    String resKey,
    String remoteUrl,
    String content) {

  public static final String TYPE = "file_ref";

  /** A copy describing the same file after upload to object storage. */
  public FileRef uploaded(String newResKey, long byteLength) {
    return new FileRef("oss", filename, extension, mimeType, byteLength, newResKey, null, null);
  }

  @Override
  public String toString() {
    // The inline content can be large and sensitive; never print it.
    return "FileRef[source=" + source + ", filename=" + filename + ", size=" + size + ", resKey=" + resKey
        + (content == null ? "" : ", content=<" + content.length() + " base64 chars>") + "]";
  }
}
