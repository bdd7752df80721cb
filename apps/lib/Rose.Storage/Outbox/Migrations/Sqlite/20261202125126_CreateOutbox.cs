using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rose.Storage.Outbox.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreateOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rose_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    pubsub_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true),
                    claim_token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rose_outbox", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rose_outbox_sent_at_next_attempt_at",
                table: "rose_outbox",
                columns: new[] { "sent_at", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rose_outbox");
        }
    }
}
