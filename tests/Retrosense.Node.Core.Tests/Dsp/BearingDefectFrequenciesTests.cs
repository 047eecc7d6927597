using System;
using Retrosense.Node.Dsp;

namespace Retrosense.Node.Core.Tests.Dsp;

public class BearingDefectFrequenciesTests
{
    // Multiples of shaft speed for the CWRU drive-end SKF 6205 bearing: BPFI 5.4152, BPFO 3.5848, BSF 2.3568 as stated in
    // the dataset README (/work/shared/data/bearing/README.md); the CWRU Bearing Data Center's table also lists cage 0.39828
    // and "rolling element" 4.7135, which is twice the ball spin frequency (a ball spall strikes both races per spin).
    [Fact]
    public void Skf_6205_Defect_Frequencies_Match_The_Published_Multiples_Of_Shaft_Speed()
    {
        var bearing = TestSignals.Skf6205();
        const float shaftHz = 1797f / 60f;

        AssertMultiple(5.4152, BearingDefectFrequencies.BallPassInnerRaceHz(bearing, shaftHz) / shaftHz);
        AssertMultiple(3.5848, BearingDefectFrequencies.BallPassOuterRaceHz(bearing, shaftHz) / shaftHz);
        AssertMultiple(2.3568, BearingDefectFrequencies.BallSpinHz(bearing, shaftHz) / shaftHz);
        AssertMultiple(0.39828, BearingDefectFrequencies.FundamentalTrainHz(bearing, shaftHz) / shaftHz);
        AssertMultiple(4.7135, 2f * BearingDefectFrequencies.BallSpinHz(bearing, shaftHz) / shaftHz);
    }

    [Fact]
    public void Inner_And_Outer_Race_Frequencies_Add_Up_To_Balls_Times_Shaft_Speed()
    {
        var bearing = new Retrosense.Node.Configuration.BearingGeometry(12, 10f, 50f, 15f);
        const float shaftHz = 25f;

        var sum = BearingDefectFrequencies.BallPassInnerRaceHz(bearing, shaftHz) + BearingDefectFrequencies.BallPassOuterRaceHz(bearing, shaftHz);

        Assert.Equal(12 * shaftHz, sum, 3);
        Assert.Equal(BearingDefectFrequencies.BallPassOuterRaceHz(bearing, shaftHz) / 12f, BearingDefectFrequencies.FundamentalTrainHz(bearing, shaftHz), 4);
    }

    private static void AssertMultiple(double published, double computed)
    {
        Assert.True(Math.Abs(computed - published) < 2e-4, $"computed {computed:F5}, published {published}");
    }
}
