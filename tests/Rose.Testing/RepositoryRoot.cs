namespace Rose.Testing;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Rose.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A path inside the checkout, e.g. <c>PathOf("components", "pubsub.yaml")</c>.</summary>
    public static string PathOf(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Rose.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Rose.sln not found above " + AppContext.BaseDirectory);
    }
}
