using System;
using Retrosense.Node.Configuration;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Core.Tests.Thresholds;

public class IsoZoneTrackerTests
{
    // Group 2, rigid: A/B 1.4, B/C 2.8, C/D 4.5 mm/s.
    private static readonly float[] Boundaries = IsoZoneBoundaries.For(MachineGroup.Group2, Foundation.Rigid);

    [Fact]
    public void The_First_Value_Sets_The_Zone_Without_A_Change_Event()
    {
        var tracker = new IsoZoneTracker(Boundaries, 3);

        Assert.False(tracker.HasZone);
        Assert.False(tracker.Update(3.0f));
        Assert.True(tracker.HasZone);
        Assert.Equal(IsoZone.C, tracker.Zone);
    }

    [Fact]
    public void A_Zone_Change_Is_Reported_Only_After_N_Consecutive_Windows()
    {
        var tracker = new IsoZoneTracker(Boundaries, 3);
        tracker.Update(2.0f);

        Assert.False(tracker.Update(3.0f));
        Assert.False(tracker.Update(3.1f));
        Assert.Equal(IsoZone.B, tracker.Zone);
        Assert.True(tracker.Update(3.2f));

        Assert.Equal(IsoZone.B, tracker.Change.PreviousZone);
        Assert.Equal(IsoZone.C, tracker.Change.Zone);
        Assert.Equal(3.2f, tracker.Change.VelocityRmsMmPerSecond);
        Assert.Equal(2.8f, tracker.Change.BoundaryMmPerSecond);
        Assert.True(tracker.Change.IsWorse);
        Assert.Equal(IsoZone.C, tracker.Zone);
    }

    [Fact]
    public void A_Window_Back_In_The_Current_Zone_Resets_The_Count()
    {
        var tracker = new IsoZoneTracker(Boundaries, 3);
        tracker.Update(2.0f);

        Assert.False(tracker.Update(3.0f));
        Assert.False(tracker.Update(3.0f));
        Assert.False(tracker.Update(2.0f));
        Assert.False(tracker.Update(3.0f));
        Assert.False(tracker.Update(3.0f));
        Assert.Equal(IsoZone.B, tracker.Zone);
        Assert.True(tracker.Update(3.0f));
    }

    [Fact]
    public void With_One_Confirmation_Window_The_Change_Is_Immediate()
    {
        var tracker = new IsoZoneTracker(NodeConfig.CreateDefault());
        Assert.Equal(1, tracker.ConfirmWindows);
        tracker.Update(1.0f);

        Assert.True(tracker.Update(5.0f));
        Assert.Equal(IsoZone.A, tracker.Change.PreviousZone);
        Assert.Equal(IsoZone.D, tracker.Change.Zone);
    }

    [Fact]
    public void A_Mixed_Run_Above_The_Zone_Confirms_The_Zone_Every_Window_Reached()
    {
        var tracker = new IsoZoneTracker(Boundaries, 3);
        tracker.Update(2.0f);

        tracker.Update(5.0f);
        tracker.Update(3.0f);
        Assert.True(tracker.Update(5.0f));

        Assert.Equal(IsoZone.C, tracker.Change.Zone);
    }

    [Fact]
    public void A_Value_Just_Below_The_Boundary_Does_Not_Count_Towards_A_Better_Zone()
    {
        var tracker = new IsoZoneTracker(Boundaries, 1);
        tracker.Update(3.0f);

        // 2.75 is below the B/C boundary of 2.8 but inside the 5 % hysteresis (2.66).
        Assert.False(tracker.Update(2.75f));
        Assert.Equal(IsoZone.C, tracker.Zone);
        Assert.True(tracker.Update(2.6f));
        Assert.Equal(IsoZone.B, tracker.Change.Zone);
        Assert.False(tracker.Change.IsWorse);
    }

    [Fact]
    public void The_Hysteresis_Is_Five_Percent_Of_The_Boundary_Being_Left()
    {
        var tracker = new IsoZoneTracker(Boundaries, 1);
        tracker.Update(5.0f);
        var edge = 4.5f * (1f - IsoZoneTracker.DownwardHysteresisFraction);

        Assert.False(tracker.Update(edge));
        Assert.True(tracker.Update(edge * 0.999f));
        Assert.Equal(IsoZone.C, tracker.Zone);
    }

    [Fact]
    public void A_Big_Drop_Moves_Down_Several_Zones_At_Once()
    {
        var tracker = new IsoZoneTracker(Boundaries, 2);
        tracker.Update(6.0f);

        Assert.False(tracker.Update(0.5f));
        Assert.True(tracker.Update(0.5f));
        Assert.Equal(IsoZone.D, tracker.Change.PreviousZone);
        Assert.Equal(IsoZone.A, tracker.Change.Zone);
        Assert.Equal(1.4f, tracker.Change.BoundaryMmPerSecond);
    }

    [Fact]
    public void A_NaN_Window_Neither_Advances_Nor_Resets_The_Count()
    {
        var tracker = new IsoZoneTracker(Boundaries, 3);
        tracker.Update(2.0f);

        Assert.False(tracker.Update(3.0f));
        Assert.False(tracker.Update(float.NaN));
        Assert.False(tracker.Update(3.0f));
        Assert.Equal(IsoZone.B, tracker.Zone);
        Assert.True(tracker.Update(3.0f));
    }

    [Fact]
    public void Update_Allocates_Nothing_In_Steady_State()
    {
        var tracker = new IsoZoneTracker(Boundaries, 2);
        tracker.Update(1.0f);
        for (var i = 0; i < 100; i++)
        {
            tracker.Update(i % 7 * 0.9f);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var changes = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (tracker.Update(i % 7 * 0.9f))
            {
                changes++;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(changes > 0);
    }
}
