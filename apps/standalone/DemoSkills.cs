using Rose.Chat.Data;
using Rose.Chat.Skills;

namespace Rose.Standalone;

/// <summary>The endings the demo tenant offers: Rose's own documentation pages and a contact form.</summary>
public static class DemoSkills
{
    public static IReadOnlyList<SkillSettings> For(DemoOptions demo) =>
    [
        new("quick-start", SkillType.ReadPage, "Read the quick start",
            "Install Rose and run it on your machine for the first time: getting started, set-up, first steps.",
            ["install", "get started", "getting started", "quick start"], demo.DocsUrl("install"), IsContact: false),
        new("configuration", SkillType.ReadPage, "See the configuration reference",
            "Every setting of Rose: environment variables, options, storage, LLM providers, keys.",
            ["configure", "configuration", "setting", "environment variable"], demo.DocsUrl("configure"), IsContact: false),
        new("run-with-dapr", SkillType.ReadPage, "Read the Dapr guide",
            "Run Rose in production with Dapr sidecars and dapr run, components, state store and pub/sub.",
            ["dapr"], demo.DocsUrl("run-with-dapr"), IsContact: false),
        new("talk-to-us", SkillType.LeaveEmail, "Leave your e-mail",
            "Talk to the people behind Rose: questions the documentation does not answer, help, support.",
            [], null, IsContact: true),
    ];
}
