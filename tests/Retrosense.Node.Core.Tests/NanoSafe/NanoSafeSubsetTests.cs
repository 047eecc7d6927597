using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Retrosense.Testing;

namespace Retrosense.Node.Core.Tests.NanoSafe;

public class NanoSafeSubsetTests
{
    private static readonly string[] NanoSafeFolders =
    {
        Path.Combine("firmware", "Retrosense.Node.Core"),
        Path.Combine("shared", "Retrosense.Contracts"),
    };

    [Fact]
    public void Shared_Node_And_Contract_Source_Stays_In_The_Nano_Safe_Subset()
    {
        var files = NanoSafeSourceFiles();
        var violations = files
            .SelectMany(file => NanoSafeRuleChecker.Check(File.ReadAllText(file), Path.GetRelativePath(RepositoryPaths.Root, file)))
            .Select(v => v.ToString())
            .ToList();

        Assert.True(files.Count > 20, "expected the node core and contract sources, found " + files.Count + " files");
        Assert.True(violations.Count == 0, "nano-safe rules broken:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Checker_Reports_Each_Forbidden_Construct_At_Its_Line()
    {
        const string source = """
            using System;
            using System.Linq;
            global using System.Text;
            namespace Bad;
            public class Box<T> { }
            public record Point(int X);
            public class Uses
            {
                public T Pick<T>(T value) => value;
                public double Half = 0.5f;
                public float A = 1.5;
                public float B = 1e3;
                public decimal C = 1.5m;
                public int[,] Grid = new int[2, 2];
                public async System.Threading.Tasks.Task Run() { await System.Threading.Tasks.Task.Yield(); }
                public object Q(int[] items) => from i in items select i;
                public double D = 2d;
            }
            """;

        var violations = NanoSafeRuleChecker.Check(source, "Bad.cs");
        var found = violations.Select(v => (v.Line, v.Rule)).ToHashSet();

        var expected = new (int Line, string Rule)[]
        {
            (2, NanoSafeRuleChecker.UsingLinq),
            (3, NanoSafeRuleChecker.GlobalUsing),
            (4, NanoSafeRuleChecker.FileScopedNamespace),
            (5, NanoSafeRuleChecker.GenericDefinition),
            (6, NanoSafeRuleChecker.Record),
            (9, NanoSafeRuleChecker.GenericDefinition),
            (10, NanoSafeRuleChecker.DoubleType),
            (11, NanoSafeRuleChecker.DoubleLiteral),
            (12, NanoSafeRuleChecker.DoubleLiteral),
            (13, NanoSafeRuleChecker.DecimalLiteral),
            (14, NanoSafeRuleChecker.MultidimensionalArray),
            (15, NanoSafeRuleChecker.Async),
            (15, NanoSafeRuleChecker.Await),
            (16, NanoSafeRuleChecker.QuerySyntax),
            (17, NanoSafeRuleChecker.DoubleType),
            (17, NanoSafeRuleChecker.DoubleLiteral),
        };
        foreach (var item in expected)
        {
            Assert.True(found.Contains(item), $"not reported: line {item.Line} {item.Rule}\nreported:\n{string.Join("\n", violations)}");
        }

        Assert.All(violations, v => Assert.Equal("Bad.cs", v.Path));
        Assert.StartsWith("Bad.cs:2: using System.Linq: ", violations.First(v => v.Rule == NanoSafeRuleChecker.UsingLinq).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Checker_Accepts_Nano_Safe_Code()
    {
        const string source = """
            using System;
            using System.Collections;

            namespace Good
            {
                public sealed class Ok
                {
                    private readonly float[] _values = new float[4];
                    private readonly int[][] _jagged = new int[2][];
                    private readonly ArrayList _list = new ArrayList();

                    public float Scale(float value)
                    {
                        long big = 10L;
                        int hex = 0x1F;
                        float exponent = 1e3f;
                        float plain = 2.5F;
                        var async = 1;
                        return value * 1.5f + big + hex + exponent + plain + async + _values.Length + _jagged.Length + _list.Count;
                    }
                }
            }
            """;

        Assert.Empty(NanoSafeRuleChecker.Check(source, "Good.cs"));
    }

    private static List<string> NanoSafeSourceFiles()
    {
        var files = new List<string>();
        foreach (var folder in NanoSafeFolders)
        {
            var root = Path.Combine(RepositoryPaths.Root, folder);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
                if (relative.Contains("bin") || relative.Contains("obj"))
                {
                    continue;
                }

                files.Add(file);
            }
        }

        return files;
    }
}
