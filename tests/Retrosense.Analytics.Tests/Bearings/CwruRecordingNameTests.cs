using Retrosense.Analytics.Bearings;

namespace Retrosense.Analytics.Tests.Bearings;

public sealed class CwruRecordingNameTests
{
    [Theory]
    [InlineData("/data/bearing/Normal_0.mat", BearingFaultClass.Normal, null, null, 0)]
    [InlineData("IR007_0.mat", BearingFaultClass.InnerRace, 7, null, 0)]
    [InlineData("ir021_3.mat", BearingFaultClass.InnerRace, 21, null, 3)]
    [InlineData("B028_2.mat", BearingFaultClass.Ball, 28, null, 2)]
    [InlineData("OR007@6_0.mat", BearingFaultClass.OuterRace, 7, 6, 0)]
    [InlineData("12k_DE/OR014@12_1.mat", BearingFaultClass.OuterRace, 14, 12, 1)]
    [InlineData("B021.mat", BearingFaultClass.Ball, 21, null, null)]
    public void The_Label_Fault_Size_And_Load_Come_From_The_File_Name(string path, BearingFaultClass faultClass, int? mils, int? position, int? load)
    {
        var name = CwruRecordingName.Parse(path);

        Assert.Equal(faultClass, name.FaultClass);
        Assert.Equal(mils, name.FaultDiameterMils);
        Assert.Equal(position, name.OuterRacePositionOClock);
        Assert.Equal(load, name.MotorLoadHorsepower);
    }

    [Theory]
    [InlineData("105.mat")]
    [InlineData("recording.mat")]
    [InlineData("Normal007_0.mat")]
    [InlineData("IR_0.mat")]
    [InlineData("IR007@6_0.mat")]
    [InlineData("XR007_0.mat")]
    [InlineData("IR007_4.mat")]
    public void A_Name_That_Is_Not_A_Cwru_Label_Is_Refused_With_The_File_Named(string path)
    {
        var error = Assert.Throws<BearingDataException>(() => CwruRecordingName.Parse(path));

        Assert.StartsWith(path, error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(97, 48_000.0)]
    [InlineData(100, 48_000.0)]
    [InlineData(105, 12_000.0)]
    [InlineData(109, 48_000.0)]
    [InlineData(209, 12_000.0)]
    [InlineData(217, 48_000.0)]
    [InlineData(3001, 12_000.0)]
    public void The_Catalogue_Gives_Each_Cwru_File_Its_Sample_Rate(int fileNumber, double expectedHz)
    {
        Assert.Equal(expectedHz, CwruCatalogue.SampleRateHz(fileNumber));
    }

    [Fact]
    public void A_File_Number_Outside_The_Catalogue_Has_No_Rate_And_Fan_End_Faults_Are_Marked()
    {
        Assert.Null(CwruCatalogue.SampleRateHz(5000));
        Assert.Null(CwruCatalogue.SampleRateHz(216));
        Assert.True(CwruCatalogue.IsFanEndFault(278));
        Assert.False(CwruCatalogue.IsFanEndFault(105));
    }
}
