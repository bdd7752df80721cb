namespace Rose.Benchmarks;

/// <summary>What visitors ask the demo tenant, whose knowledge base is Rose's own documentation.</summary>
internal static class VisitorQuestions
{
    public static readonly IReadOnlyList<string> Openers =
    [
        "How do I run Rose with Dapr?",
        "What does Rose do?",
        "How do I embed the widget on my site?",
        "Which LLM providers does Rose support?",
        "Does Rose work without an LLM?",
        "How are leads scored?",
        "Can Rose sync contacts to HubSpot?",
        "What are GEO pages?",
        "How do I upload documents to the knowledge base?",
        "How do rate limits work?",
        "How do I deploy Rose on Kubernetes?",
        "Which embedding model does Rose use offline?",
        "How are webhooks signed?",
        "Where is my data stored?",
        "How do I configure allowed origins for the widget?",
        "What is the standalone host?",
        "How do I sign in to the backoffice?",
        "How are conversations tagged?",
        "How do I record a conversion?",
        "How much does it cost?",
    ];

    public static readonly IReadOnlyList<string> FollowUps =
    [
        "And how do I configure it?",
        "Can you give me an example?",
        "Is there a limit?",
        "What about PostgreSQL?",
        "Does that need Redis?",
        "How long does it take?",
        "Thanks, and where is the documentation for that?",
        "Can I try it today?",
    ];
}
