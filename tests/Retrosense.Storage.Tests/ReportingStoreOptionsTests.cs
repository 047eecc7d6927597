using System;
using System.IO;

namespace Retrosense.Storage.Tests;

public sealed class ReportingStoreOptionsTests
{
    [Fact]
    public void Without_Flags_The_Store_Is_A_Sqlite_File_In_The_Data_Directory()
    {
        var options = ReportingStoreOptions.FromFlags(null, null, "data");

        Assert.Equal(ReportingStoreKind.Sqlite, options.Kind);
        Assert.Equal(Path.Combine("data", "retrosense.db"), options.SqliteFilePath);
    }

    [Fact]
    public void Postgres_Takes_The_Connection_String_And_Never_Shows_The_Password()
    {
        var options = ReportingStoreOptions.FromFlags("postgres", "Host=db.example;Port=5433;Database=retrosense;Username=app;Password=s3cret", "data");

        Assert.Equal(ReportingStoreKind.Postgres, options.Kind);
        Assert.Equal("PostgreSQL database 'retrosense' on db.example:5433 as 'app'", options.Describe());
        Assert.DoesNotContain("s3cret", options.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_Without_A_Connection_String_Or_An_Unknown_Store_Is_Refused_Clearly()
    {
        var noConnection = Assert.Throws<ArgumentException>(() => ReportingStoreOptions.FromFlags("postgres", null, "data"));
        var unknown = Assert.Throws<ArgumentException>(() => ReportingStoreOptions.FromFlags("mysql", null, "data"));

        Assert.StartsWith("--store postgres needs --connection", noConnection.Message, StringComparison.Ordinal);
        Assert.StartsWith("store 'mysql' is not sqlite or postgres", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_Malformed_Postgres_Connection_String_Is_Refused_Without_Echoing_It()
    {
        var options = ReportingStoreOptions.ForPostgres("Host=db;Password=s3cret;this is not a keyword");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => ReportingStoreFactory.OpenAsync(options));

        Assert.StartsWith("the PostgreSQL connection string is not valid: ", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", refused.Message, StringComparison.Ordinal);
    }
}
