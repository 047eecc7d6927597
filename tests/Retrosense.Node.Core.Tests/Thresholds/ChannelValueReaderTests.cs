using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.EnvironmentChannels;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Core.Tests.Thresholds;

public class ChannelValueReaderTests
{
    private static VibrationFeatures Features()
    {
        var features = new VibrationFeatures(0);
        features.X.RmsG = 0.1f;
        features.Y.RmsG = 0.3f;
        features.Z.RmsG = 0.2f;
        features.X.Skewness = -2f;
        features.Y.Skewness = -1f;
        features.Z.Skewness = -3f;
        features.Z.EnvelopeRmsG = 0.05f;
        features.X.DominantFrequencyHz = 25f;
        return features;
    }

    [Fact]
    public void An_Axis_Selector_Reads_That_Axis()
    {
        var features = Features();

        Assert.Equal(0.1f, ChannelValueReader.Read(features, FeatureChannel.RmsG, AxisSelector.X));
        Assert.Equal(0.3f, ChannelValueReader.Read(features, FeatureChannel.RmsG, AxisSelector.Y));
        Assert.Equal(0.2f, ChannelValueReader.Read(features, FeatureChannel.RmsG, AxisSelector.Z));
        Assert.Equal(0.05f, ChannelValueReader.Read(features, FeatureChannel.EnvelopeRmsG, AxisSelector.Z));
        Assert.Equal(25f, ChannelValueReader.Read(features, FeatureChannel.DominantFrequencyHz, AxisSelector.X));
    }

    [Fact]
    public void The_Max_Selector_Reads_The_Largest_Axis_Value()
    {
        var features = Features();

        Assert.Equal(0.3f, ChannelValueReader.Read(features, FeatureChannel.RmsG, AxisSelector.Max));
        Assert.Equal(-1f, ChannelValueReader.Read(features, FeatureChannel.Skewness, AxisSelector.Max));
    }

    [Fact]
    public void Environment_Channels_Read_NaN_From_Vibration_Features_And_Vice_Versa()
    {
        var environment = new EnvironmentSummary();
        environment.Add(20f, 50f, 1000f);

        Assert.True(float.IsNaN(ChannelValueReader.Read(Features(), FeatureChannel.TemperatureCelsius, AxisSelector.Max)));
        Assert.True(float.IsNaN(ChannelValueReader.Read(environment, FeatureChannel.RmsG)));
    }

    [Fact]
    public void Environment_Channels_Read_The_Interval_Mean_Or_NaN_When_Empty()
    {
        var environment = new EnvironmentSummary();
        Assert.True(float.IsNaN(ChannelValueReader.Read(environment, FeatureChannel.PressureHectopascals)));

        environment.Add(20f, 50f, 1000f);
        environment.Add(22f, 60f, 1002f);

        Assert.Equal(21f, ChannelValueReader.Read(environment, FeatureChannel.TemperatureCelsius));
        Assert.Equal(55f, ChannelValueReader.Read(environment, FeatureChannel.RelativeHumidityPercent));
        Assert.Equal(1001f, ChannelValueReader.Read(environment, FeatureChannel.PressureHectopascals));
    }

    [Fact]
    public void FillAllChannels_Writes_Every_Channel_By_Its_Index()
    {
        var environment = new EnvironmentSummary();
        environment.Add(20f, 50f, 1000f);
        var values = new float[FeatureChannels.Count];

        ChannelValueReader.FillAllChannels(Features(), environment, values);

        Assert.Equal(0.3f, values[(int)FeatureChannel.RmsG]);
        Assert.Equal(25f, values[(int)FeatureChannel.DominantFrequencyHz]);
        Assert.Equal(20f, values[(int)FeatureChannel.TemperatureCelsius]);
        Assert.Equal(1000f, values[(int)FeatureChannel.PressureHectopascals]);

        ChannelValueReader.FillAllChannels(Features(), null, values);
        Assert.True(float.IsNaN(values[(int)FeatureChannel.TemperatureCelsius]));
    }
}
