namespace Rose.Llm.Tests.Support;

internal static class AsyncEnumerables
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }

    public static async Task<string> JoinAsync(this IAsyncEnumerable<string> source) => string.Concat(await source.ToListAsync());
}
