using Retrosense.Analytics.Bearings;
using Retrosense.Testing;

namespace Retrosense.Analytics.Tests.Bearings;

/// <summary>
/// One quick run of the CWRU 0 hp benchmark (0.007" + first half of normal → 0.021" + second half), shared by the tests
/// of a class so the real files are replayed and the candidates cross-validated once.
/// </summary>
public sealed class CwruZeroHorsepowerBenchmark
{
    private readonly System.Lazy<BearingBenchmarkResult> _result = new(() => BearingBenchmark.Run(Options()));

    /// <summary>The run's result; skips the test when the data files are absent.</summary>
    public BearingBenchmarkResult Result
    {
        get
        {
            _ = RepositoryPaths.RequireDataFile("bearing/Normal_0.mat");
            return _result.Value;
        }
    }

    private static BearingBenchmarkOptions Options()
    {
        static string File(string name) => RepositoryPaths.RequireDataFile("bearing/" + name + ".mat");
        return new BearingBenchmarkOptions(
            [File("B007_0"), File("IR007_0"), File("OR007@6_0"), File("Normal_0")],
            [File("B021_0"), File("IR021_0"), File("OR021@6_0"), File("Normal_0")],
            new BearingNodeSettings(),
            BearingTrainingSettings.Quick());
    }
}
