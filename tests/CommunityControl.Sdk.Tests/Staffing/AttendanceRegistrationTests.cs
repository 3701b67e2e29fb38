using System.Threading.Tasks;
using CommunityControl.Staffing;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static CommunityControl.Tests.Staffing.AttendancePlans;

namespace CommunityControl.Tests.Staffing;

public class AttendanceRegistrationTests
{
    [Fact]
    public async Task AddCommunityControlRecords_RegistersOneMeasuredInMemoryAttendanceStore()
    {
        using var provider = new ServiceCollection().AddCommunityControlRecords(o => o.Capacity = 1).BuildServiceProvider();

        var store = provider.GetRequiredService<IAttendanceStore>();

        store.Should().BeSameAs(provider.GetRequiredService<IAttendanceStore>());
        store.GetType().Name.Should().Be("InstrumentedAttendanceStore");
        (await store.AppendAsync(In(PersonId.From("cw-01"), At(Monday, 8), "a"))).Should().BeTrue();
        await FluentActions.Awaiting(async () => await store.AppendAsync(In(PersonId.From("cw-01"), At(Monday, 9), "b"))).Should().ThrowAsync<System.InvalidOperationException>("the capacity option applies");
    }

    [Fact]
    public void AHostsOwnStore_IsKept()
    {
        var mine = new InMemoryAttendanceStore();
        using var provider = new ServiceCollection().AddSingleton<IAttendanceStore>(mine).AddCommunityControlRecords().BuildServiceProvider();

        provider.GetRequiredService<IAttendanceStore>().GetType().Name.Should().Be("InstrumentedAttendanceStore");
        provider.GetServices<IAttendanceStore>().Should().ContainSingle();
    }
}
