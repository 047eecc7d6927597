using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Retrosense.Node.Core.Tests.NanoSafe;

/// <summary>One broken rule of the nano-safe subset, at a file and line.</summary>
internal sealed record NanoSafeViolation(string Path, int Line, string Rule, string Code)
{
    public override string ToString() => $"{Path}:{Line}: {Rule}: {Code}";
}

/// <summary>
/// Finds the nano-safe rules the nano API gate cannot: it compiles against nanoFramework's mscorlib, which rejects
/// missing APIs (List&lt;T&gt;, Math, LINQ extension methods) but happily compiles a generic class of our own, a double,
/// a query expression over our own types, or a multidimensional array, none of which nanoFramework runs.
/// The source is parsed with the newest language version so that C# 10+ forms are seen and named, not mis-parsed.
/// </summary>
internal static class NanoSafeRuleChecker
{
    public const string GenericDefinition = "generic type or method definition";
    public const string DoubleType = "double type";
    public const string DoubleLiteral = "double literal (add the f suffix)";
    public const string DecimalLiteral = "decimal literal";
    public const string UsingLinq = "using System.Linq";
    public const string QuerySyntax = "LINQ query syntax";
    public const string Async = "async";
    public const string Await = "await";
    public const string FileScopedNamespace = "file-scoped namespace";
    public const string Record = "record";
    public const string MultidimensionalArray = "multidimensional array";
    public const string GlobalUsing = "global using";
    public const string ParseError = "does not parse";

    public static IReadOnlyList<NanoSafeViolation> Check(string source, string path)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path);
        var root = tree.GetRoot();
        var violations = new List<NanoSafeViolation>();

        void Report(SyntaxNodeOrToken where, string rule)
        {
            var line = where.GetLocation()!.GetLineSpan().StartLinePosition.Line + 1;
            var code = where.ToString();
            violations.Add(new NanoSafeViolation(path, line, rule, code.Length > 60 ? code[..60] + "…" : code));
        }

        foreach (var diagnostic in tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            violations.Add(new NanoSafeViolation(path, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, ParseError, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var node in root.DescendantNodes(descendIntoTrivia: false))
        {
            switch (node)
            {
                case TypeParameterListSyntax:
                    Report(node.Parent!, GenericDefinition);
                    break;
                case PredefinedTypeSyntax predefined when predefined.Keyword.IsKind(SyntaxKind.DoubleKeyword):
                    Report(node, DoubleType);
                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                    if (literal.Token.Value is double)
                    {
                        Report(node, DoubleLiteral);
                    }
                    else if (literal.Token.Value is decimal)
                    {
                        Report(node, DecimalLiteral);
                    }

                    break;
                case UsingDirectiveSyntax usingDirective:
                    var name = usingDirective.NamespaceOrType.ToString();
                    if (name == "System.Linq" || name.StartsWith("System.Linq.", System.StringComparison.Ordinal))
                    {
                        Report(node, UsingLinq);
                    }

                    if (usingDirective.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                    {
                        Report(node, GlobalUsing);
                    }

                    break;
                case QueryExpressionSyntax:
                    Report(node, QuerySyntax);
                    break;
                case AwaitExpressionSyntax:
                    Report(node, Await);
                    break;
                case FileScopedNamespaceDeclarationSyntax:
                    Report(node.ChildTokens().First(), FileScopedNamespace);
                    break;
                case RecordDeclarationSyntax record:
                    Report(record.Keyword, Record);
                    break;
                case ArrayRankSpecifierSyntax rank when rank.Rank > 1:
                    Report(node, MultidimensionalArray);
                    break;
            }
        }

        foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.AsyncKeyword)))
        {
            Report(token, Async);
        }

        return violations.OrderBy(v => v.Line).ToList();
    }
}
