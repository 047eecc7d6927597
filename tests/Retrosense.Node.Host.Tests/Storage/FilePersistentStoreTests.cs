using System;
using System.IO;
using Retrosense.Node.Host.Storage;

namespace Retrosense.Node.Host.Tests.Storage;

public sealed class FilePersistentStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "retrosense-store-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Value_Written_Is_Read_Back_By_A_New_Store_On_The_Same_Directory()
    {
        new FilePersistentStore(_directory).Write("config", [1, 2, 3, 4, 5], 3);

        var buffer = new byte[16];
        Assert.True(new FilePersistentStore(_directory).TryRead("config", buffer, out var length));
        Assert.Equal(3, length);
        Assert.Equal([1, 2, 3], buffer[..3]);
    }

    [Fact]
    public void Missing_Key_And_Too_Small_Buffer_Read_As_Nothing()
    {
        var store = new FilePersistentStore(_directory);
        store.Write("boot", [9, 9, 9, 9], 4);

        Assert.False(store.TryRead("absent", new byte[16], out var missing));
        Assert.False(store.TryRead("boot", new byte[2], out var tooSmall));
        Assert.Equal(0, missing);
        Assert.Equal(0, tooSmall);
    }

    [Fact]
    public void Rewrite_Replaces_The_Value_And_Leaves_No_Temporary_Files()
    {
        var store = new FilePersistentStore(_directory);
        store.Write("sf3", [1, 1, 1, 1, 1, 1], 6);

        Assert.True(store.Write("sf3", [7, 8], 2));

        var buffer = new byte[16];
        Assert.True(store.TryRead("sf3", buffer, out var length));
        Assert.Equal([7, 8], buffer[..length]);
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Delete_Removes_The_Key()
    {
        var store = new FilePersistentStore(_directory);
        store.Write("sfh", [1], 1);

        store.Delete("sfh");
        store.Delete("never-written");

        Assert.False(store.TryRead("sfh", new byte[4], out _));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void Keys_Never_Leave_The_Directory(string key)
    {
        var store = new FilePersistentStore(_directory);

        store.Write(key, [42], 1);

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.Equal(_directory, Path.GetDirectoryName(file));
        Assert.True(store.TryRead(key, new byte[4], out var length));
        Assert.Equal(1, length);
    }

    [Fact]
    public void Keys_That_Differ_Only_In_Escaped_Characters_Get_Different_Files()
    {
        Assert.NotEqual(FilePersistentStore.FileNameFor("a.b"), FilePersistentStore.FileNameFor("a_b"));
        Assert.NotEqual(FilePersistentStore.FileNameFor("a/b"), FilePersistentStore.FileNameFor("a.b"));
        Assert.Equal("sf12.bin", FilePersistentStore.FileNameFor("sf12"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
