using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

/// <summary>
/// A bare HTTP server on 127.0.0.1 that accepts any host name and forwards nothing: it keeps the head of every request
/// it is sent (request line and headers) and answers 200. As a proxy it shows where a client asked the proxy to go;
/// as a receiver it shows what reached it whatever name the client used
/// </summary>
public sealed class RawHttpRecorder : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public RawHttpRecorder()
    {
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public ConcurrentQueue<string> RequestHeads { get; } = new();

    private async Task ServeAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var head = new StringBuilder();
                    var buffer = new byte[1];
                    while (!head.ToString().EndsWith("\r\n\r\n") && await stream.ReadAsync(buffer) == 1)
                        head.Append((char)buffer[0]);
                    RequestHeads.Enqueue(head.ToString());

                    var answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(answer);
                }
            });
        }
    }

    public void Dispose() => _listener.Stop();
}
