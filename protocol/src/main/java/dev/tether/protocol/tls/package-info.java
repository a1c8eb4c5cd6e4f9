/** TLS material with the JDK alone, shared by the gateway and the tray: PEM certificates and PKCS#8 keys. */
package dev.tether.protocol.tls;
