namespace Rose.Analytics.Conversions;

/// <summary>The new conversion secret, returned once: Rose stores it encrypted and never shows it again.</summary>
public sealed record ConversionSecretCreated(string Secret);
