/** Files and folders the application writes and removes, with errors that name them. */
package fr.passerelle.files;
