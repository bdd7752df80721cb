namespace Rose.Testing.Mongo;

/// <summary>A command the fake server refuses, answered as MongoDB does: <c>{ ok: 0, errmsg, code, codeName }</c>.</summary>
internal sealed class MongoCommandFailure(int code, string codeName, string message) : Exception(message)
{
    public int Code { get; } = code;

    public string CodeName { get; } = codeName;

    public static MongoCommandFailure BadValue(string message) => new(2, "BadValue", message);

    public static MongoCommandFailure Unsupported(string message) => new(238, "NotImplemented", "The fake MongoDB server does not implement this: " + message);
}
