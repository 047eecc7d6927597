using Retrosense.Analytics.Bearings;

namespace Retrosense.Analytics.Tests.Bearings;

public sealed class BearingClassificationReportTests
{
    [Fact]
    public void Accuracy_Recall_Precision_Macro_F1_And_The_Confusion_Matrix_Follow_Their_Definitions()
    {
        var report = BearingClassificationReport.From(
        [
            (BearingFaultClass.Normal, BearingFaultClass.Normal),
            (BearingFaultClass.Normal, BearingFaultClass.Ball),
            (BearingFaultClass.InnerRace, BearingFaultClass.InnerRace),
            (BearingFaultClass.OuterRace, BearingFaultClass.OuterRace),
            (BearingFaultClass.Ball, BearingFaultClass.Ball),
        ]);

        Assert.Equal(5, report.Windows);
        Assert.Equal(0.8, report.Accuracy, 12);
        Assert.Equal([0.5, 1.0, 1.0, 1.0], report.RecallPerClass);
        Assert.Equal([1.0, 1.0, 1.0, 0.5], report.PrecisionPerClass);

        // F1: normal 2·0.5·1/1.5 = 2/3, ball 2/3, the races 1: mean (2/3 + 1 + 1 + 2/3) / 4 = 5/6.
        Assert.Equal(5.0 / 6.0, report.MacroF1, 12);
        Assert.Equal([1, 0, 0, 1], report.ConfusionMatrix[0]);
        Assert.Equal([2, 1, 1, 1], report.WindowsPerClass);
    }
}
