using System;
using System.Globalization;
using System.Text;
using Retrosense.Analytics.Data;
using Retrosense.Analytics.Training;

namespace Retrosense.Analytics.Tests.Training;

/// <summary>Small seeded tables with a known relation between features and label, for fast training tests.</summary>
internal static class GeneratedTables
{
    /// <summary>
    /// Columns id, machine (8 groups), cycle (time), load, temperature, kind (A/B/C), constant, failure (0/1: high load and
    /// temperature, more often for kind A), fault (normal/imbalance/bearing by load and temperature bands), wear (regression).
    /// </summary>
    public static string Csv(int rows, int seed = 5)
    {
        var random = new Random(seed);
        var text = new StringBuilder("id,machine,cycle,load,temperature,kind,constant,failure,fault,wear\n");
        for (var i = 0; i < rows; i++)
        {
            var load = random.NextDouble();
            var temperature = 20 + (60 * random.NextDouble());
            var kind = "ABC"[random.Next(3)];
            var risk = load + ((temperature - 20) / 60) + (kind == 'A' ? 0.3 : 0) + (0.2 * (random.NextDouble() - 0.5));
            var failure = risk > 1.3 ? 1 : 0;
            var fault = load < 0.33 ? "normal" : temperature < 50 ? "imbalance" : "bearing";
            var wear = (10 * load) + (0.1 * temperature) + (kind == 'B' ? 2 : 0) + random.NextDouble();
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{i},m{i % 8},{i / 8},{load:F4},{temperature:F2},{kind},7,{failure},{fault},{wear:F3}\n"));
        }

        return text.ToString();
    }

    /// <summary>Trains with the test's cancellation token.</summary>
    public static TrainingResult Train(TabularData table, TrainingRequest request) =>
        ModelTrainer.Train(table, request, progress: null, TestContext.Current.CancellationToken);

    public static TabularData Table(int rows, int seed = 5) => DelimitedTextReader.ReadText(Csv(rows, seed), "generated.csv");
}
