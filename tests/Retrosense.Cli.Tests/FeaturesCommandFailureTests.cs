using System;
using System.IO;
using System.Linq;
using System.Text;
using Retrosense.Recordings.Tests;

namespace Retrosense.Cli.Tests;

public sealed class FeaturesCommandFailureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Failure_Not_Caused_By_The_Input_Exits_1_With_One_Line()
    {
        var path = _folder.WriteText("signal.csv", "ax\n" + string.Join("\n", Enumerable.Range(0, 256).Select(i => (i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "\n");
        var stderr = new StringWriter();

        var exitCode = CliApp.Run(["features", "--input", path, "--rate", "1000", "--window", "256", "--json"], new BrokenPipeWriter(), stderr);

        Assert.Equal(CliExitCodes.Failure, exitCode);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("retrosense: unexpected failure: IOException: broken pipe", line);
    }

    /// <summary>Standard output whose reader went away, as when the output is piped into a command that exits early.</summary>
    private sealed class BrokenPipeWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("broken pipe");

        public override void Write(string? value) => throw new IOException("broken pipe");

        public override void WriteLine(string? value) => throw new IOException("broken pipe");
    }
}
