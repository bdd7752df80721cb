namespace Rose.Platform.Tests.Consistency;

/// <summary>The repository root: the folder above the test binaries that holds <c>Rose.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

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
