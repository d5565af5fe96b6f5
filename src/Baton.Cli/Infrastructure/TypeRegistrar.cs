using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace Baton.Cli.Infrastructure;

/// <summary>
/// Lets Spectre.Console.Cli create commands through Microsoft.Extensions.DependencyInjection, so a
/// command's constructor receives the console, the clock and the client factory, and tests can
/// swap any of them.
/// </summary>
/// <param name="services">The services the commands may ask for.</param>
internal sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(service, _ => factory());
    }

    public ITypeResolver Build() => new TypeResolver(services.BuildServiceProvider());
}

/// <summary>Resolves commands and their dependencies from the built service provider.</summary>
/// <param name="provider">The provider.</param>
internal sealed class TypeResolver(ServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) =>
        type is null ? null : provider.GetService(type) ?? ActivatorUtilities.CreateInstance(provider, type);

    public void Dispose() => provider.Dispose();
}
