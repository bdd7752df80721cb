using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Rose.Benchmarks;

/// <summary>
/// After a run (and its recovery): what the visitors were told was accepted against what Rose stored
/// and delivered. Turns: each conversation read back through the widget API (visitor and assistant
/// messages must pair up: no half-stored turn; a turn answered <c>done</c> must be there, one refused
/// with an <c>error</c> event must not, one whose end the visitor never saw may be either). Leads:
/// each accepted lead reaches the tenant's webhook exactly once. Events: the embedded outbox drained,
/// no dead letter.
/// </summary>
internal sealed record NothingLostCheck(
    int TurnsAnswered, int TurnsUnknown, int TurnsRefused, int TurnsStored, int ConversationsRead, int ConversationsUnreadable,
    int Lost, int Extra, int HalfStored, int LeadsAccepted, int LeadsDelivered, int LeadsDeliveredTwice, int LeadsMissing,
    long OutboxPending, long DeadLetters)
{
    public bool Passed => Lost == 0 && Extra == 0 && HalfStored == 0 && ConversationsUnreadable == 0
        && LeadsMissing == 0 && LeadsDeliveredTwice == 0 && OutboxPending == 0 && DeadLetters == 0;

    public static async Task<NothingLostCheck> RunAsync(RoseUnderLoad rose, VisitorLoad load, TimeSpan deliveryWait)
    {
        using var http = new HttpClient { BaseAddress = rose.Address, Timeout = TimeSpan.FromSeconds(30) };
        int stored = 0, lost = 0, extra = 0, halves = 0, read = 0, unreadable = 0;
        foreach (var conversation in load.Conversations)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/rose/v1/conversations/{conversation.Id}");
            request.Headers.Add("X-Rose-Key", rose.PublicKey);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                unreadable++;
                continue;
            }

            read++;
            var messages = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages").EnumerateArray().ToList();
            var visitor = messages.Count(m => m.GetProperty("role").GetString() == "visitor");
            var assistant = messages.Count(m => m.GetProperty("role").GetString() == "assistant");
            halves += visitor == assistant ? 0 : 1;
            stored += visitor;
            lost += Math.Max(0, conversation.Answered - visitor);
            extra += Math.Max(0, visitor - (conversation.Answered + conversation.Unknown));
        }

        // Deliveries are immediate, retried by the worker's cron each minute: wait for every accepted lead.
        var accepted = load.LeadsAccepted.ToHashSet(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deliveryWait && !accepted.All(rose.Webhooks.DeliveriesPerLead.ContainsKey))
        {
            await Task.Delay(1000);
        }

        await Task.Delay(2000); // a second delivery of the same event would come right after the first
        var delivered = rose.Webhooks.DeliveriesPerLead;
        var (pending, dead) = OutboxState(rose.DataFolder);
        return new NothingLostCheck(
            load.Conversations.Sum(c => c.Answered), load.Conversations.Sum(c => c.Unknown), load.Conversations.Sum(c => c.Refused),
            stored, read, unreadable, lost, extra, halves,
            accepted.Count, accepted.Count(delivered.ContainsKey), delivered.Count(d => d.Value > 1), accepted.Count(l => !delivered.ContainsKey(l)),
            pending, dead);
    }

    private static (long Pending, long Dead) OutboxState(string dataFolder)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "platform.db")};Mode=ReadOnly");
        connection.Open();
        long Count(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }

        return (Count("SELECT count(*) FROM outbox"), Count("SELECT count(*) FROM dead_letters"));
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"| {"accepted vs stored",-52} | {"count",8} |");
        output.WriteLine($"|{new string('-', 54)}|{new string('-', 10)}|");
        Row(output, "turns answered (done)", TurnsAnswered);
        Row(output, "turns refused with an error event", TurnsRefused);
        Row(output, "turns whose end the visitor never saw", TurnsUnknown);
        Row(output, $"turns stored ({ConversationsRead} conversations read back)", TurnsStored);
        Row(output, "conversations that could not be read back", ConversationsUnreadable);
        Row(output, "answered turns missing (lost)", Lost);
        Row(output, "stored turns beyond answered + unknown (doubled)", Extra);
        Row(output, "conversations with a half-stored turn", HalfStored);
        Row(output, "leads accepted (201)", LeadsAccepted);
        Row(output, "accepted leads delivered to the webhook", LeadsDelivered);
        Row(output, "leads delivered more than once", LeadsDeliveredTwice);
        Row(output, "accepted leads never delivered", LeadsMissing);
        Row(output, "events still in the outbox", OutboxPending);
        Row(output, "dead letters", DeadLetters);
    }

    private static void Row(TextWriter output, string name, long value) => output.WriteLine($"| {name,-52} | {value,8} |");
}
