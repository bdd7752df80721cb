using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rose.Crm.HubSpot.Client;

/// <summary>HubSpot's JSON, as its v3/v4 CRM APIs write and read it.</summary>
internal static class HubSpotWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record AccountDetails(long PortalId);

internal sealed record BatchInputs<T>(IReadOnlyList<T> Inputs);

internal sealed record UpsertInput(string IdProperty, string Id, IReadOnlyDictionary<string, string> Properties);

internal sealed record CreateInput(IReadOnlyDictionary<string, string> Properties, IReadOnlyList<AssociationInput>? Associations = null);

internal sealed record UpdateInput(string Id, IReadOnlyDictionary<string, string> Properties);

internal sealed record AssociationInput(ObjectRef To, IReadOnlyList<AssociationType> Types);

internal sealed record AssociationType(string AssociationCategory, int AssociationTypeId);

internal sealed record ObjectRef(string Id);

internal sealed record AssociateInput(ObjectRef From, ObjectRef To);

internal sealed record PropertyDefinition(string Name, string Label, string Type, string FieldType, string GroupName, string Description);

internal sealed record SearchRequest(
    IReadOnlyList<FilterGroup> FilterGroups,
    IReadOnlyList<string> Properties,
    int Limit,
    string? After = null,
    IReadOnlyList<SearchSort>? Sorts = null);

internal sealed record FilterGroup(IReadOnlyList<Filter> Filters);

internal sealed record Filter(string PropertyName, string Operator, string Value);

internal sealed record SearchSort(string PropertyName, string Direction);

internal sealed record GdprDeleteRequest(string ObjectId, string IdProperty);

internal sealed record ObjectResults(IReadOnlyList<WireObject>? Results, Paging? Paging);

internal sealed record WireObject(string Id, Dictionary<string, string?>? Properties);

internal sealed record Paging(PagingNext? Next);

internal sealed record PagingNext(string? After);

internal sealed record ErrorBody(string? Message, string? Category);

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
