using System.Text.Json.Nodes;
using Rose.Testing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Rose.Deploy.Tests;

/// <summary>Files of the repository the tests run from, and YAML read as JSON nodes (every scalar a string).</summary>
public static class RepositoryFiles
{
    public static string PathOf(string relative) => RepositoryRoot.PathOf(relative);

    /// <summary>Every document of a (multi-document) YAML text, as JSON.</summary>
    public static IReadOnlyList<JsonObject> ReadYamlDocuments(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var deserializer = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var documents = new List<JsonObject>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            var value = deserializer.Deserialize(parser);
            if (value is not null && JsonNode.Parse(json.Serialize(value)) is JsonObject document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static JsonObject ReadYamlFile(string relative) => ReadYamlDocuments(File.ReadAllText(PathOf(relative))).Single();
}
