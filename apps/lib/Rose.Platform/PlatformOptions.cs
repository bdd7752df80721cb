using System.ComponentModel.DataAnnotations;

namespace Rose.Platform;

/// <summary>Configuration section <c>Rose:Platform</c>; the runtime itself is chosen by <c>Rose:Runtime</c>.</summary>
public sealed class PlatformOptions
{
    public const string SectionName = "Rose:Platform";

    public const string RuntimeKey = "Rose:Runtime";

    public PlatformRuntime Runtime { get; set; } = PlatformRuntime.Embedded;

    /// <summary>How long a subscriber remembers an event id it handled (redeliveries after that run again).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00", ErrorMessage = "Rose:Platform:HandledEventRetention must be between 1 minute and 90 days.")]
    public TimeSpan HandledEventRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a delivery's claim on an event blocks other deliveries of it (see <c>HandledEvents</c>):
    /// longer than any handler runs, short enough that a crashed replica's event is retried soon.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "Rose:Platform:HandledEventClaimLease must be between 5 seconds and 1 day.")]
    public TimeSpan HandledEventClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long finished workflow instances are kept before the <c>workflow-purge</c> job deletes them.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00", ErrorMessage = "Rose:Platform:WorkflowRetention must be between 1 hour and 10 years.")]
    public TimeSpan WorkflowRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Delivery of published events (embedded), and the back-off of the outbox drainer (both runtimes).</summary>
    [Required]
    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>Dapr runtime: which blob binding <c>components/blobstore.yaml</c> is.</summary>
    [Required]
    public BlobBindingOptions BlobBinding { get; set; } = new();

    /// <summary>Embedded runtime: base address for invocation of this same process; empty means the server's own first address.</summary>
    public Uri? SelfUrl { get; set; }
}
