#!/usr/bin/env python3
"""Configures a fresh Payara Server 6 domain.xml for Swarm Manager: both phone-homes off, the embedded database moved
beside the server, the network surface hardened, ports moved. Used by docker/payara (the tests and the run command)
and by docker/image/build (the manager image), so that every Swarm Manager server is set up the same way.

    domain-config.py DOMAIN_XML HTTP_PORT ADMIN_PORT DATA_DIR
"""
import os, re, sys
path, http, admin, data = sys.argv[1:]
xml = open(path).read()
# The embedded database (audit log, local accounts) lives beside the server, not in it: a restart unpacks a fresh
# server and keeps the data. Without AUTO_SERVER: no other process may open it through a TCP port.
xml = xml.replace('jdbc:h2:${com.sun.aas.instanceRoot}/lib/databases/embedded_default;AUTO_SERVER=TRUE',
                  'jdbc:h2:%s/swarm-manager' % data, 1)
# Nor the EJB timer service's database (the application's timers are not persistent): AUTO_SERVER opens a TCP port
# on every interface.
xml = xml.replace('/lib/databases/ejbtimer;AUTO_SERVER=TRUE', '/lib/databases/ejbtimer', 1)
server = xml.index('<config name="server-config">')
end = xml.index('</config>', server)
block = xml[server:end]
block = re.sub(r'(<jvm-options>-Xmx512m</jvm-options>)',
               r'\1\n                <jvm-options>-Dhazelcast.phone.home.enabled=false</jvm-options>', block, count=1)
block = block.replace('<hazelcast-config-specific-configuration>',
                      '<phone-home-runtime-configuration enabled="false"></phone-home-runtime-configuration>\n'
                      '            <hazelcast-config-specific-configuration>', 1)
# The other listeners (https, IIOP, JMX) move by as much as the HTTP port, so that servers side by side
# (the tests run two) do not collide.
offset = int(http) - 8080
if offset:
    for port in ('8181', '3700', '3820', '3920', '8686'):
        block = block.replace('port="%s"' % port, 'port="%d"' % (int(port) + offset))
block = block.replace('port="8080" protocol="http-listener-1"', 'port="%s" protocol="http-listener-1"' % http, 1)
block = block.replace('port="4848" protocol="admin-listener"', 'port="%s" protocol="admin-listener"' % admin, 1)
# Hardened: nothing but the HTTP listener faces the network. The admin listener, JMX and IIOP answer on loopback
# only; the HTTPS listener (its key ships inside the zip: the same on every install) is off; Hazelcast binds to
# loopback; responses do not name the server or its version; the request pool is sized for the UI and the API (log
# follows and change feeds hold none of its threads); an OutOfMemoryError ends the server (the supervisor restarts
# it) instead of leaving it half alive.
block = re.sub(r'(<network-listener [^>]*name="admin-listener")', r'\1 address="127.0.0.1"', block, count=1)
block = re.sub(r'(<network-listener [^>]*name="http-listener-2")', r'\1 enabled="false"', block, count=1)
block = re.sub(r'(<jmx-connector [^>]*)address="0.0.0.0"', r'\1address="127.0.0.1"', block)
block = re.sub(r'(<iiop-listener [^>]*)address="0.0.0.0"', r'\1address="127.0.0.1"', block)
# SWARM_HTTP_THREADS sets the pool's size (64); the tests make it as small as Payara's own default (5) to show that open
# streams hold none of its threads.
threads = int(os.environ.get('SWARM_HTTP_THREADS', '64'))
block = re.sub(r'<thread-pool name="http-thread-pool"',
               '<thread-pool name="http-thread-pool" min-thread-pool-size="%d" max-thread-pool-size="%d"' % (min(8, threads), threads),
               block, count=1)
block = re.sub(r'(<protocol name="http-listener-1">\s*<http )', r'\1xpowered-by="false" server-header="false" ', block, count=1)
# JSON and pages gzipped for clients that ask, from 1 KB on; never a stream (text/event-stream is not listed:
# compression would hold its events back).
block = re.sub(r'(<protocol name="http-listener-1">\s*<http )', r'\1compression="on" compression-min-size-bytes="1024" '
               r'compressable-mime-type="application/json,text/html,text/css,text/javascript,application/javascript,application/yaml,text/plain" ',
               block, count=1)
# An idle server gives back the heap it no longer uses (a G1 cycle every 10 s while idle, the heap kept within 5-20 %
# free): measured by docker/bench/footprint-bench.sh, Swarm Manager's resident memory after a minute idle went from
# 825 MiB to 682 MiB.
block = block.replace('<jvm-options>-Dhazelcast.phone.home.enabled=false</jvm-options>',
                      '<jvm-options>-Dhazelcast.phone.home.enabled=false</jvm-options>\n'
                      '                <jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>\n'
                      '                <jvm-options>-XX:+ExitOnOutOfMemoryError</jvm-options>\n'
                      '                <jvm-options>-XX:G1PeriodicGCInterval=10000</jvm-options>\n'
                      '                <jvm-options>-XX:MinHeapFreeRatio=5</jvm-options>\n'
                      '                <jvm-options>-XX:MaxHeapFreeRatio=20</jvm-options>', 1)
# No JMS broker: the application sends no messages, and the embedded broker listens on every interface. The shipped
# server-config names no JMS service (the server would make an embedded one at start): it gets a disabled one.
if '<jms-service' in block:
    block = re.sub(r'(<jms-service [^>]*)type="EMBEDDED"', r'\1type="DISABLED"', block, count=1)
else:
    block = block.rstrip() + '\n            <jms-service type="DISABLED" default-jms-host="default_JMS_host"></jms-service>\n        '

xml = xml[:server] + block + xml[end:]
xml = xml.replace('<hazelcast-runtime-configuration ', '<hazelcast-runtime-configuration das-bind-address="127.0.0.1" interface="127.0.0.1" ', 1)
if offset:  # the server's own JMS port is a system property of the server element
    xml = xml.replace('value="7676"', 'value="%d"' % (7676 + offset))
open(path, 'w').write(xml)
