using System.Diagnostics;

namespace EcomRules.Tests.Sqlite;

/// <summary>
/// Runs the crash test (tests/EcomRules.CrashTest): a child process runs 60 orders end to end on a SQLite file and is
/// SIGKILLed 20 times at seeded random moments; afterwards no transition is lost, no invoice, pickup or SMS is
/// duplicated, every timer fired once in effect, and the file passes <c>PRAGMA integrity_check</c>. About 20 s.
/// </summary>
public sealed class SqliteCrashTest
{
    [Fact]
    [Trait("Category", "CrashTest")]
    [Trait("Rule", "SEC-3")]
    public async Task SigkillAtRandomPoints_LosesNothing_DuplicatesNothing()
    {
        var baseDirectory = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(baseDirectory);
        var configuration = Path.GetFileName(Path.GetDirectoryName(baseDirectory));
        var crashTest = Path.GetFullPath(Path.Combine(baseDirectory, "..", "..", "..", "..", "EcomRules.CrashTest", "bin", configuration!, framework, "EcomRules.CrashTest.dll"));
        Assert.True(File.Exists(crashTest), $"The crash test is not built: {crashTest}");

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { crashTest, "run", "--kills", "20", "--seed", "42", "--orders", "60" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await errors}");
        Assert.Contains("20 SIGKILLs, 60 orders, 0 failures", await output, StringComparison.Ordinal);
    }
}
