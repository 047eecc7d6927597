namespace Retrosense.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        System.Console.Error.WriteLine("retrosense: no verbs yet");
        return args.Length == 0 ? 2 : 2;
    }
}
