using System.Diagnostics;

namespace EcomRules.Tests.Sqlite;

/// <summary>
/// Runs the crash test (tests/EcomRules.CrashTest): child processes run 8 orders end to end on a SQLite file, and 8 of
/// them are SIGKILLed where a crash hurts most: just before, during and just after a command's commit, after a
/// port's effect but before its outbox message is completed, after a timer's command but before the timer is
/// completed. Afterwards no transition is lost, no invoice, pickup or SMS is duplicated, every timer fired once in
/// effect, and the file passes <c>PRAGMA integrity_check</c>. About 5 s on an idle machine.
/// </summary>
public sealed class SqliteCrashTest
{
    [Fact]
    [Trait("Category", "CrashTest")]
    [Trait("Rule", "SEC-3")]
    public async Task SigkillInsideCommitsAndBetweenEffectAndCompletion_LosesNothing_DuplicatesNothing()
    {
        var baseDirectory = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(baseDirectory);
        var configuration = Path.GetFileName(Path.GetDirectoryName(baseDirectory));
        var crashTest = Path.GetFullPath(Path.Combine(baseDirectory, "..", "..", "..", "..", "EcomRules.CrashTest", "bin", configuration!, framework, "EcomRules.CrashTest.dll"));
        Assert.True(File.Exists(crashTest), $"The crash test is not built: {crashTest}");

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { crashTest, "run", "--seed", "42", "--orders", "8" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await errors}");
        Assert.Contains("8 SIGKILLs (8 at chosen points), 8 orders, 0 failures", await output, StringComparison.Ordinal);
    }
}
