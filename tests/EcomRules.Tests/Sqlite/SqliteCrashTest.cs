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
        var output = await RunCrashTestAsync("run", "--seed", "42", "--orders", "8");
        Assert.Contains("8 SIGKILLs (8 at chosen points), 8 orders, 0 failures", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Group commit (issue 19): 32 concurrent clients whose saves are committed in batches, SIGKILLed five times at
    /// random moments; every decision acknowledged before a kill is in the file, and no change set is half applied or
    /// applied twice.
    /// </summary>
    [Fact]
    [Trait("Category", "CrashTest")]
    [Trait("Rule", "SEC-3")]
    public async Task SigkillDuringBatchedCommits_LosesNoAcknowledgedDecision_AndHalfAppliesNothing()
    {
        var output = await RunCrashTestAsync("batch-run", "--rounds", "5", "--seed", "42");
        Assert.Contains("5 SIGKILLs", output, StringComparison.Ordinal);
        Assert.Contains("0 lost, 0 half applied, 0 aggregates off their audit, 0 duplicated, integrity ok, 0 failures", output, StringComparison.Ordinal);
    }

    private static async Task<string> RunCrashTestAsync(params string[] args)
    {
        var baseDirectory = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(baseDirectory);
        var configuration = Path.GetFileName(Path.GetDirectoryName(baseDirectory));
        var crashTest = Path.GetFullPath(Path.Combine(baseDirectory, "..", "..", "..", "..", "EcomRules.CrashTest", "bin", configuration!, framework, "EcomRules.CrashTest.dll"));
        Assert.True(File.Exists(crashTest), $"The crash test is not built: {crashTest}");

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(crashTest);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await errors}");
        return await output;
    }
}
