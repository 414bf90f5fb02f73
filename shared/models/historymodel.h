// One person's history as a manager reads it (users.history): what they did and what was done to
// them, newest first, in words ("Shift changed", "start 09:00 → 09:30"). It loads a page at a
// time; a view asks for the next one as it scrolls to the end (canFetchMore/fetchMore). The audit
// trail has no pushes: whoever shows it catches up when something of the person's changes.
#pragma once

#include "client/adminclient.h"
#include "domain/auditrecord.h"
#include "models/connectionfeed.h"
#include "models/teamlistmodel.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <memory>

namespace Muster {

class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, WhoColumn, WhatColumn, ChangeColumn };
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString
        AtRole, // QDateTime (UTC)
        ActionRole, // QString: "timeclock.update", …
        ActorRole, // QString: who did it, "Muster" for the server or its command line
        WhatRole, // QString: the action in words
        ChangeRole, // QString: what changed, "start 09:00 → 09:30 · stop 17:00 → 18:00"
    };
    Q_ENUM(Roles)

    explicit HistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setConnection(Connection *connection);
    // Names for the team ids a change carries; optional.
    void setTeams(TeamListModel *teams) { m_teams = teams; }
    QString userId() const { return m_userId; }
    void setUserId(const QString &userId);
    // Records a page; 100 unless set (the server takes 1 to 500).
    void setPageSize(int size) { m_pageSize = size; }
    bool isLoaded() const { return m_loaded; }
    const AuditRecord *recordAt(int row) const;

    // The action in words, and what changed between the old and new values.
    QString whatText(const AuditRecord &record) const;
    QString changeText(const AuditRecord &record) const;

public Q_SLOTS:
    void reload();
    // What happened since the newest record shown goes in at the top, and the pages read stay:
    // a manager scrolled far down keeps their place. More than a page of news reads afresh.
    void catchUp();
    void clear();

Q_SIGNALS:
    void loaded(); // the first page, or a page more, is in
    void loadFailed(const QString &message);

private:
    void append(const QJsonArray &records, bool fresh);
    void prepend(const QJsonArray &firstPage);
    QString keyText(const QString &key) const;
    QString actorText(const AuditRecord &record) const;
    // `sameDayAs`: the value before, a time whose day need not be said again.
    QString valueText(const QString &key, const QJsonValue &value,
        const QDateTime &sameDayAs = QDateTime()) const;

    ConnectionFeed m_feed;
    std::unique_ptr<AdminClient> m_client;
    QPointer<TeamListModel> m_teams;
    QString m_userId;
    QList<AuditRecord> m_records;
    int m_pageSize = 100;
    bool m_loaded = false;
    bool m_busy = false; // a page is on its way
    bool m_more = false; // the last page was full: there may be older records
};

} // namespace Muster
