using System;
using System.Globalization;
using System.Text;

namespace Retrosense.Cli.Tests.Training;

/// <summary>A small seeded CSV where failure follows load, temperature and kind, and wear is a noisy sum of them.</summary>
internal static class TrainingCsv
{
    public static string Generate(int rows, char delimiter = ',', string newline = "\n")
    {
        var random = new Random(9);
        var text = new StringBuilder($"id{delimiter}machine{delimiter}load{delimiter}temperature{delimiter}kind{delimiter}note{delimiter}failure{delimiter}wear{newline}");
        for (var i = 0; i < rows; i++)
        {
            var load = random.NextDouble();
            var temperature = 20 + (60 * random.NextDouble());
            var kind = "ABC"[random.Next(3)];
            var failure = load + ((temperature - 20) / 60) + (kind == 'A' ? 0.3 : 0) > 1.3 ? 1 : 0;
            var wear = (10 * load) + (0.1 * temperature) + random.NextDouble();
            var d = delimiter;
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{i}{d}m{i % 6}{d}{load:F4}{d}{temperature:F2}{d}{kind}{d}\"note {i}{d} free text\"{d}{failure}{d}{wear:F3}{newline}"));
        }

        return text.ToString();
    }
}
