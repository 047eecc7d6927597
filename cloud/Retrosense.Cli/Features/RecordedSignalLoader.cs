using System;
using System.IO;
using System.Linq;
using Retrosense.Recordings;

namespace Retrosense.Cli.Features;

/// <summary>Loads the channel <c>retrosense features</c> analyses from a CSV or MAT-file.</summary>
internal static class RecordedSignalLoader
{
    /// <summary>Suffix CWRU gives its drive-end accelerometer channels, the channel nearest the test bearing.</summary>
    private const string DriveEndSuffix = "_DE_time";

    /// <summary>
    /// A MAT-file when <paramref name="variable"/> is given or the extension is .mat, else CSV.
    /// Without a variable, a MAT-file gives its first real numeric vector of more than one element, preferring a *_DE_time one.
    /// </summary>
    /// <exception cref="CliInputException">Missing file, or both a column and a variable given.</exception>
    /// <exception cref="RecordingFormatException">The file cannot be read as asked.</exception>
    public static RecordedSignal Load(string path, string? column, string? variable)
    {
        if (column is not null && variable is not null)
        {
            throw new CliInputException("give either --column (CSV) or --variable (.mat), not both");
        }

        if (!File.Exists(path))
        {
            throw new CliInputException($"input file '{path}' not found");
        }

        var isMat = variable is not null
            || (column is null && string.Equals(Path.GetExtension(path), ".mat", StringComparison.OrdinalIgnoreCase));
        return isMat ? LoadMat(path, variable) : LoadCsv(path, column);
    }

    private static RecordedSignal LoadCsv(string path, string? column)
    {
        var read = CsvSignal.Read(path, column);
        return new RecordedSignal(read.Values, read.Name, null);
    }

    private static RecordedSignal LoadMat(string path, string? variableName)
    {
        var variables = MatFile.Read(path);
        var rpm = variables.FirstOrDefault(v => v.Data.Length == 1 && v.Name.EndsWith("RPM", StringComparison.OrdinalIgnoreCase))?.Data[0];
        MatVariable chosen;
        if (variableName is not null)
        {
            chosen = MatFile.ReadVariable(path, variableName);
            if (!chosen.IsVector || chosen.Data.Length < 2)
            {
                throw new RecordingFormatException($"{path}: variable '{variableName}' is {chosen.Rows}×{chosen.Columns}: a signal must be a vector of more than one sample");
            }
        }
        else
        {
            var signals = variables.Where(v => v.IsVector && v.Data.Length > 1).ToList();
            if (signals.Count == 0)
            {
                var names = MatFile.ReadNames(path);
                var has = names.Count == 0 ? "it has no variables" : "it has: " + string.Join(", ", names);
                throw new RecordingFormatException($"{path}: no real numeric vector variable to analyse; {has}");
            }

            chosen = signals.FirstOrDefault(v => v.Name.EndsWith(DriveEndSuffix, StringComparison.Ordinal)) ?? signals[0];
        }

        return new RecordedSignal(chosen.Data, chosen.Name, rpm);
    }
}
