using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Platform.Dapr.DeadLetters.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreateDeadLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_dead_letters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeadLetterTopic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subscriber = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_dead_letters", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_dead_letters_TenantId_ReceivedAt",
                table: "platform_dead_letters",
                columns: new[] { "TenantId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_dead_letters_TenantId_Topic_EventId",
                table: "platform_dead_letters",
                columns: new[] { "TenantId", "Topic", "EventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_dead_letters");
        }
    }
}
