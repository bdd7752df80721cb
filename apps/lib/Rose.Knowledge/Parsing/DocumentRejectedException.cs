namespace Rose.Knowledge.Parsing;

/// <summary>
/// The document cannot be loaded (corrupt, too large, unsupported, empty). The message is shown
/// to the client as the document's failure reason, so it is written for a person.
/// </summary>
public sealed class DocumentRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);
