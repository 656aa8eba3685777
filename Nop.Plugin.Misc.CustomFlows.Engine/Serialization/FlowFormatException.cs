namespace Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

/// <summary>
/// A flow definition (or run state) could not be read; the message says where and why.
/// </summary>
public sealed class FlowFormatException : Exception
{
    /// <summary>
    /// Creates the exception.
    /// </summary>
    public FlowFormatException(string message, Exception innerException = null)
        : base(message, innerException)
    {
    }
}
