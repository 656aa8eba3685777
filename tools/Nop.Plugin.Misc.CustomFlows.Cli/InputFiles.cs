namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// Opens the files a command was given, saying plainly when a name is a folder or names nothing
/// (the runtime would answer "access denied" or with the full path of the missing file).
/// </summary>
internal static class InputFiles
{
    public static byte[] ReadAllBytes(string path)
    {
        Check(path);
        return File.ReadAllBytes(path);
    }

    public static StreamReader OpenText(string path)
    {
        Check(path);
        return File.OpenText(path);
    }

    private static void Check(string path)
    {
        if (Directory.Exists(path))
            throw new InputFileException($"{path} is a folder, not a file.");
        if (!File.Exists(path))
            throw new InputFileException($"{path}: there is no such file.");
    }
}

/// <summary>
/// A file a command was given cannot be read; the message names it and says why.
/// </summary>
public sealed class InputFileException(string message) : IOException(message);
