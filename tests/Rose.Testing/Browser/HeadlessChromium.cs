using System.Reflection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;
using OpenQA.Selenium.Support.UI;

namespace Rose.Testing.Browser;

/// <summary>
/// Debian's Chromium driven by Debian's chromedriver (no browser download is possible here), with
/// a fresh profile per instance so every test starts with empty localStorage. Every wait is bounded.
/// Shared by the widget's and the backoffice's browser tests.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly string profile = Path.Combine(Path.GetTempPath(), "rose-chromium-" + Guid.NewGuid().ToString("N"));

    /// <param name="phone">Emulates a 390×844 phone screen (a headless window cannot be narrower than 500 px).</param>
    public HeadlessChromium(bool phone = false)
    {
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        // Without the networking flags Chromium keeps calling Google's hosts, which this closed network refuses.
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--window-size=1280,900");
        if (phone)
        {
            options.EnableMobileEmulation(new ChromiumMobileEmulationDeviceSettings
            {
                Width = 390, Height = 844, PixelRatio = 2, EnableTouchEvents = true,
                UserAgent = "Mozilla/5.0 (Linux; Android 14) Mobile",
            });
        }

        options.UnhandledPromptBehavior = UnhandledPromptBehavior.Ignore;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(15);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Where screenshots go: TestResults/screenshots at the repository root.</summary>
    public static string ScreenshotFolder { get; } = Path.GetFullPath(Path.Combine(
        typeof(HeadlessChromium).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "TestResults", "screenshots"));

    public void GoTo(Uri url) => Driver.Navigate().GoToUrl(url);

    public T Wait<T>(Func<IWebDriver, T> condition, string what, TimeSpan? timeout = null)
    {
        var wait = new WebDriverWait(Driver, timeout ?? DefaultWait) { Message = what, PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    /// <summary>The widget's open shadow root, once the widget has loaded its config and drawn itself.</summary>
    public ISearchContext WidgetRoot() =>
        Wait(d => d.FindElement(By.CssSelector("rose-widget[data-ready]")).GetShadowRoot(), "the widget to be ready");

    public IWebElement InWidget(string css) => Wait(_ => WidgetRoot().FindElement(By.CssSelector(css)), $"'{css}' in the widget");

    public T Script<T>(string script, params object[] args) => (T)Driver.ExecuteScript(script, args)!;

    /// <summary>The element focused inside the widget's shadow root, described by class and tag.</summary>
    public string FocusedInWidget() => Script<string>(
        "var h=document.querySelector('rose-widget'); if (document.activeElement!==h) return 'outside:'+document.activeElement.tagName;" +
        "var a=h.shadowRoot.activeElement; return a ? a.tagName.toLowerCase()+'.'+a.className : 'none';");

    public void Press(string keys) => new OpenQA.Selenium.Interactions.Actions(Driver).SendKeys(keys).Perform();

    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temp folder is cleaned up eventually.
        }
    }
}
