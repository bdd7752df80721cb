using Rose.Tagging.Labels;

namespace Rose.Tagging.Classification;

/// <summary>
/// The offline classifier's explicit cues, in English, French and German, over text normalized by
/// <see cref="ConversationTranscript.Normalize"/> (lowercase, no accents). Weights: 2 a cue that alone
/// decides the label ("quote", "demo"), 1 a strong hint, 0.5 a weak one. Calibrated on the labelled
/// conversations in tests/Rose.Tagging.Tests/Data; a change here bumps <see cref="LabelSet.Version"/>.
/// </summary>
public static class TagRules
{
    /// <summary>A quantity of seats, users or licences: "200 seats", "50 utilisateurs", "120 Nutzer".</summary>
    public const string QuantityPattern =
        @"\b(\d{1,3}(?:[ ,.]\d{3})+|\d+)\s*(?:seats?|users?|licen[cs]es?|employees|people|agents|members|sieges|utilisateurs|postes|collaborateurs|salaries|nutzer|benutzer|lizenzen|mitarbeiter(?:innen)?|platze|arbeitsplatze)\b";

    public static IReadOnlyDictionary<string, IReadOnlyList<TagRule>> Intent { get; } = new Dictionary<string, IReadOnlyList<TagRule>>(StringComparer.Ordinal)
    {
        [LabelSet.Pricing] =
        [
            TagRule.Of(@"\b(price|prices|pricing|priced|quote|quotation|cost|costs|costing)\b", 2),
            TagRule.Of(@"\bhow much\b", 2),
            TagRule.Of(QuantityPattern, 1.5),
            TagRule.Of(@"\b(per seat|per user|per month|per year|annual plan|monthly plan|discount|budget|invoice|billing|subscription|licen[cs]e fee|volume deal)\b", 1),
            TagRule.Of(@"\b(plans?|tiers?|enterprise plan|free plan)\b", 0.5),
            TagRule.Of(@"\b(prix|tarif|tarifs|tarification|devis|combien|coute|coutent|cout|abonnement|remise|facturation)\b", 2),
            TagRule.Of(@"\b(preis|preise|preisen|kosten|kostet|angebot|rabatt|abonnement|lizenzkosten|rechnung|wie viel|wieviel)\b", 2),
        ],
        [LabelSet.DemoRequest] =
        [
            TagRule.Of(@"\b(demo|demos|demonstration|walkthrough|walk-through|product tour)\b", 2),
            TagRule.Of(@"\b(book|schedule|set up|arrange)\b.{0,20}\b(call|meeting|session)\b", 2),
            TagRule.Of(@"\b(talk|speak|chat) (to|with) (sales|someone|a person|an expert|your team|a human)\b", 2),
            TagRule.Of(@"\b(contact sales|sales team|see it in action|free trial|trial|pilot|proof of concept|poc)\b", 1),
            TagRule.Of(@"\b(demo|demonstration|rendez-vous|rdv|presentation|essai gratuit|appel)\b", 1.5),
            TagRule.Of(@"\b(vorfuhrung|produktdemo|termin|beratungsgesprach|testversion|testphase|ruckruf)\b", 2),
        ],
        [LabelSet.Integration] =
        [
            TagRule.Of(@"\b(integrat\w*|api|apis|webhooks?|connectors?|sdk|plugins?|zapier|make\.com)\b", 2),
            TagRule.Of(@"\b(hubspot|salesforce|pipedrive|slack|teams|zendesk|intercom|shopify|wordpress|google sheets|sap)\b", 1),
            TagRule.Of(@"\b(connect|sync|synchroni[sz]e|import|export)\b", 0.5),
            TagRule.Of(@"\b(integration|integrer|connecteur|synchroniser)\b", 1.5),
            TagRule.Of(@"\b(integration|integrieren|schnittstelle|anbindung|anbinden)\b", 2),
        ],
        [LabelSet.SecurityCompliance] =
        [
            TagRule.Of(@"\b(security|secure|gdpr|soc ?2|iso ?27001|hipaa|encrypt\w*|penetration test|pen ?test|dpa|data processing agreement|compliance|compliant|audit|sso|saml|data residency|hosted in the eu|where is (my|our|the) data)\b", 2),
            TagRule.Of(@"\b(privacy|vulnerabilit\w*|two-factor|2fa|mfa|access control)\b", 1),
            TagRule.Of(@"\b(securite|rgpd|chiffrement|chiffre|conformite|hebergement|donnees personnelles)\b", 2),
            TagRule.Of(@"\b(sicherheit|dsgvo|verschlusselung|verschlusselt|datenschutz|zertifizierung|hosting in deutschland)\b", 2),
        ],
        [LabelSet.Support] =
        [
            TagRule.Of(@"\b(error|bug|broken|crash\w*|not working|doesn't work|does not work|stopped working|can't log ?in|cannot log ?in|unable to log ?in|password reset|reset my password|locked out)\b", 2),
            TagRule.Of(@"\b(my account|support ticket|open a ticket|contact support|support team|customer support|help desk|helpdesk|refund)\b", 2),
            TagRule.Of(@"\b(issue|problem|fails?|failing)\b", 0.5),
            TagRule.Of(@"\b(erreur|bug|panne|ne fonctionne (pas|plus)|ne marche (pas|plus)|mot de passe|mon compte|assistance|probleme)\b", 1.5),
            TagRule.Of(@"\b(fehler|funktioniert nicht|geht nicht|passwort|mein konto|storung|kundendienst|problem)\b", 1.5),
        ],
        [LabelSet.Careers] =
        [
            TagRule.Of(@"\b(jobs?|hiring|careers?|vacanc\w*|internships?|open positions?|job openings?|apply for|job application|my (cv|resume)|recruit\w*)\b", 2),
            TagRule.Of(@"\b(work (for|at) (you|your company)|join your team|salary)\b", 1),
            TagRule.Of(@"\b(emploi|offres? d'emploi|recrut\w*|candidature|postuler|stage|stagiaire|alternance)\b", 2),
            TagRule.Of(@"\b(stelle|stellen|stellenangebot\w*|bewerbung|bewerben|praktikum|karriere|jobangebot\w*|ausbildung)\b", 2),
        ],
        [LabelSet.Partnership] =
        [
            TagRule.Of(@"\b(partners?|partnership|partnering|resell\w*|affiliates?|referral program|white[- ]label|co-marketing|distributor|agency partner|channel partner)\b", 2),
            TagRule.Of(@"\b(partenaire|partenariat|revendeur|revendre|apporteur d'affaires|marque blanche)\b", 2),
            TagRule.Of(@"\b(partner\w*|wiederverkauf\w*|vertriebspartner|reseller)\b", 2),
        ],
        [LabelSet.ProductQuestion] =
        [
            TagRule.Of(@"\b(what is|what does|how does|how do (i|we|you)|does it|can it|can (i|we)|is it possible|is there a way|do you (support|offer|have)|features?|functionality)\b", 0.75),
            TagRule.Of(@"\b(qu'est-ce que|comment (fonctionne|faire|puis-je)|est-ce que|est-il possible|fonctionnalites?|peut-on)\b", 0.75),
            TagRule.Of(@"\b(was ist|wie funktioniert|kann ich|konnen wir|gibt es|unterstutzt|funktionen|funktion)\b", 0.75),
        ],
    };

    /// <summary>Cues that a visitor is ready to buy, beyond a demo request or a quantity.</summary>
    public static IReadOnlyList<TagRule> Decision { get; } =
    [
        TagRule.Of(@"\b(quote|quotation|contract|purchase|buy|sign up|signing|procurement|purchase order|onboard\w*|roll ?out|go live|start (next|this) (week|month|quarter)|timeline|ready to)\b", 1),
        TagRule.Of(@"\b(devis|contrat|acheter|commander|souscrire|deployer|deploiement)\b", 1),
        TagRule.Of(@"\b(angebot|vertrag|kaufen|bestellen|einfuhrung|ausrollen)\b", 1),
    ];

    /// <summary>Cues that a visitor is comparing options.</summary>
    public static IReadOnlyList<TagRule> Consideration { get; } =
    [
        TagRule.Of(@"\b(compare|comparison|versus|vs\.?|alternative\w*|difference between|better than|switch(ing)? from|instead of|competitors?)\b", 1),
        TagRule.Of(@"\b(comparer|comparaison|alternative|difference entre|mieux que)\b", 1),
        TagRule.Of(@"\b(vergleich\w*|alternative|unterschied|besser als|wechseln von)\b", 1),
    ];

    public static IReadOnlyList<TagRule> Positive { get; } =
    [
        TagRule.Of(@"\b(thanks|thank you|great|awesome|perfect|excellent|helpful|love|amazing|nice|cool)\b", 1),
        TagRule.Of(@"\b(merci|super|genial|parfait|excellent|top)\b", 1),
        TagRule.Of(@"\b(danke|toll|prima|super|perfekt|hervorragend)\b", 1),
    ];

    public static IReadOnlyList<TagRule> Negative { get; } =
    [
        TagRule.Of(@"\b(bad|terrible|awful|frustrat\w*|annoy\w*|disappoint\w*|useless|angry|worst|unacceptable|ridiculous|waste of time|not happy|fed up)\b", 1),
        TagRule.Of(@"\b(nul|decu|decevant|inadmissible|agace|enerve|inacceptable)\b", 1),
        TagRule.Of(@"\b(schlecht|enttauscht|argerlich|unzufrieden|katastrophe|frechheit|inakzeptabel)\b", 1),
    ];

    /// <summary>Advertising, SEO and crypto offers, and the shapes bots write in.</summary>
    public static IReadOnlyList<TagRule> Spam { get; } =
    [
        TagRule.Of(@"\b(crypto\w*|bitcoin|btc|forex|casino|betting|viagra|cialis|loans?|payday|investment opportunity|earn \$?\d+|make money)\b", 2),
        TagRule.Of(@"\b(seo services?|backlinks?|guest posts?|rank (your|you) (site|website)|first page of google|increase your (traffic|sales)|web design services|link building|cheap)\b", 2),
        TagRule.Of(@"\b(telegram|whatsapp)\b.{0,20}\+?\d{6,}", 2),
        TagRule.Of(@"\b(click here|limited offer|act now|100% free|winner|congratulations you)\b", 1.5),
        TagRule.Of(@"https?://\S+", 0.75),
        TagRule.Of(@"(.)\1{6,}", 1),
    ];
}
